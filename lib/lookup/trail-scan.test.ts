import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { readTrail } from "../trail";
import { parseRoleTarget, type RoleTarget } from "./role";
import { loadCatalog } from "../catalog";
import { INITIAL_LOOKUP_STATE, reduceLookup } from "../run";
import type { LookupStreamEvent } from "../wire";
import { roleRecord } from "./testing/records";
import { VirtualClock } from "./testing/virtual-clock";
import { scanTrail } from "./trail-scan";

const records = [
  roleRecord({ role: "orders-api-role", session: "orders-api", id: "1", time: "2026-11-23T10:00:00Z" }),
  roleRecord({
    role: "orders-api-role",
    session: "orders-api",
    id: "2",
    time: "2026-11-23T10:01:00Z",
    errorCode: null,
  }),
  roleRecord({ role: "billing-sync-role", session: "billing-sync", id: "3", time: "2026-11-23T10:02:00Z" }),
  roleRecord({ role: "orders-api-role", session: "orders-api", id: "4", time: "2026-11-23T10:03:00Z" }),
];

/** The bytes as an upload delivers them: one chunk per read, each after a turn of the event loop. */
async function* chunksOf(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < bytes.length; offset += size) {
    await Promise.resolve();
    yield bytes.subarray(offset, offset + size);
  }
}

async function scan(bytes: Uint8Array, target: RoleTarget | null) {
  const events: LookupStreamEvent[] = [];
  for await (const event of scanTrail(
    { batches: readTrail(chunksOf(bytes, 100)), target, totalBytes: bytes.length },
    { clock: new VirtualClock(), catalog: loadCatalog },
  ))
    events.push(event);
  return { events, state: reduceLookup(INITIAL_LOOKUP_STATE, events) };
}

describe("scanTrail", () => {
  it("streams every denial of a gzip trail file, grouped, with progress by bytes", async () => {
    const file = gzipSync(JSON.stringify({ Records: records }));
    const { events, state } = await scan(file, null);
    expect(events[0]).toMatchObject({ type: "start", source: "upload", window: null });
    expect(state.done).toMatchObject({ partial: false, progress: { eventsScanned: 4, denialsFound: 3, fraction: 1 } });
    expect(state.groups).toHaveLength(1);
    expect(state.groups[0]).toMatchObject({ layer: "kms-key-policy", count: 3 });
    expect(state.rows.map((row) => row.id)).toEqual(["1", "3", "4"]);
  });

  it("keeps one role's denials when asked", async () => {
    const target = (
      parseRoleTarget("arn:aws:iam::123456789012:role/orders-api-role") as { ok: true; value: RoleTarget }
    ).value;
    const { state } = await scan(
      new TextEncoder().encode(records.map((record) => JSON.stringify(record)).join("\n")),
      target,
    );
    expect(state.rows.map((row) => row.id)).toEqual(["1", "4"]);
  });

  it("explains a file that is not CloudTrail, before any progress", async () => {
    const { events } = await scan(new TextEncoder().encode("<html><body>not a trail</body></html>"), null);
    expect(events.map((event) => event.type)).toEqual(["start", "error", "done"]);
    expect(events[1]).toMatchObject({ type: "error", code: "trail.unrecognized" });
  });

  it("counts skipped records in a notice", async () => {
    const lines = [
      JSON.stringify(records[0]),
      '{"errorCode": "AccessDenied", "broken',
      JSON.stringify(records[3]),
    ].join("\n");
    const { state } = await scan(new TextEncoder().encode(lines), null);
    expect(state.rows).toHaveLength(2);
    expect(state.notices[0]?.message).toMatch(/^Skipped 1 record /);
  });
});
