import { describe, expect, it } from "vitest";
import { loadCatalog } from "../catalog";
import { readTrail } from "../trail";
import type { LookupStreamEvent } from "../wire";
import { MAX_DETAILED_GROUPS } from "./denials";
import { roleRecord } from "./testing/records";
import { VirtualClock } from "./testing/virtual-clock";
import { scanTrail } from "./trail-scan";

const ROLE = "arn:aws:sts::123456789012:assumed-role/orders-api-role/orders-api";
const DEPTH = 10_000;

const denialOfKey = (index: number) =>
  JSON.stringify(
    roleRecord({
      role: "orders-api-role",
      session: "orders-api",
      id: String(index),
      time: "2026-11-23T10:00:00Z",
      errorMessage: `User: ${ROLE} is not authorized to perform: kms:Decrypt on resource: arn:aws:kms:us-east-1:123456789012:key/k-${index}`,
    }),
  );

/** A denial of a new group whose userIdentity holds an array nested DEPTH deep. */
const deepDenial = (index: number) =>
  denialOfKey(index).replace('"userIdentity":{', `"userIdentity":{"extra":${"[".repeat(DEPTH)}${"]".repeat(DEPTH)},`);

async function* oneChunk(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  await Promise.resolve();
  yield bytes;
}

describe("a trail record nested 10,000 deep past the detailed groups", () => {
  it("is skipped with a typed notice, and the stream goes on to done", async () => {
    const beyondDetailed = MAX_DETAILED_GROUPS + 5;
    const lines = Array.from({ length: beyondDetailed }, (_, index) => denialOfKey(index));
    lines.push(deepDenial(beyondDetailed), denialOfKey(beyondDetailed + 1));
    expect(lines.at(-2)).toContain("[".repeat(DEPTH));
    const events: LookupStreamEvent[] = [];
    const bytes = Buffer.from(`${lines.join("\n")}\n`);
    for await (const event of scanTrail(
      { batches: readTrail(oneChunk(bytes)), target: null, totalBytes: bytes.length },
      { clock: new VirtualClock(), catalog: loadCatalog },
    ))
      events.push(event);
    expect(events.filter((event) => event.type === "group")).toHaveLength(beyondDetailed + 1);
    expect(events).toContainEqual(expect.objectContaining({ type: "notice", code: "denials.too-deep" }));
    expect(events.at(-1)).toMatchObject({ type: "done", partial: false });
  });
});
