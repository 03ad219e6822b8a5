import { gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { seedDemoEvents } from "@/lib/demo";
import { INITIAL_LOOKUP_STATE, reduceLookup } from "@/lib/run";
import { apiErrorSchema } from "@/lib/wire";
import { readEvents } from "../testing/ndjson";
import { POST } from "./route";

const savedEnv = { ...process.env };
const day = seedDemoEvents({ now: new Date(), days: 1 });

function upload(body: BodyInit, query = "", headers: Record<string, string> = {}): Promise<Response> {
  return POST(
    new Request(`http://127.0.0.1/api/trail${query}`, {
      method: "POST",
      body,
      headers: { "content-type": "application/octet-stream", ...headers },
      duplex: "half",
    } as RequestInit),
  );
}

/** A body of unknown length, as a browser streams a file it has not measured. */
function streamOf(bytes: Uint8Array, chunk = 64 * 1024): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(offset, offset + chunk));
      offset += chunk;
    },
  });
}

afterEach(() => {
  process.env = { ...savedEnv };
});

describe("POST /api/trail", () => {
  it("streams the grouped denials of a gzip trail file", async () => {
    const file = gzipSync(JSON.stringify({ Records: day }));
    const response = await upload(file, "", { "content-length": String(file.length) });
    expect(response.status).toBe(200);
    const state = reduceLookup(INITIAL_LOOKUP_STATE, await readEvents(response));
    const denials = day.filter(
      (record) => typeof record.errorCode === "string" && /AccessDenied|Unauthorized/.test(record.errorCode),
    ).length;
    expect(state.done).toMatchObject({ partial: false, progress: { eventsScanned: day.length, fraction: 1 } });
    expect(state.done!.progress.denialsFound).toBeGreaterThanOrEqual(denials);
    expect(state.groups.map((group) => group.layer)).toEqual(
      expect.arrayContaining(["execution-role", "kms-key-policy", "resource-policy", "scp", "trust-policy"]),
    );
  });

  it.each(["application/gzip", "application/json"])("accepts a trail file sent as %s", async (contentType) => {
    const response = await upload(gzipSync(JSON.stringify({ Records: day })), "", { "content-type": contentType });
    expect(response.status).toBe(200);
    expect(reduceLookup(INITIAL_LOOKUP_STATE, await readEvents(response)).done).toMatchObject({ partial: false });
  });

  it("refuses a text/plain upload from another site before reading it", async () => {
    const body = gzipSync(JSON.stringify({ Records: day }));
    const plain = await upload(body, "", { "content-type": "text/plain" });
    expect([plain.status, apiErrorSchema.parse(await plain.json()).code]).toEqual([
      415,
      "request.unsupported-media-type",
    ]);
    const foreign = await upload(body, "", { origin: "http://attacker.example" });
    expect([foreign.status, apiErrorSchema.parse(await foreign.json()).code]).toEqual([403, "request.cross-origin"]);
  });

  it("keeps one role's denials with ?roleArn=", async () => {
    const state = reduceLookup(
      INITIAL_LOOKUP_STATE,
      await readEvents(
        await upload(
          streamOf(new TextEncoder().encode(JSON.stringify({ Records: day }))),
          "?roleArn=arn:aws:iam::123456789012:role/billing-sync-role",
        ),
      ),
    );
    expect(state.rows.length).toBeGreaterThan(0);
    expect(state.rows.every((row) => row.principal?.includes("billing-sync-role") || row.name === "AssumeRole")).toBe(
      true,
    );
  });

  it.each([
    [new TextEncoder().encode("<!doctype html><p>not a trail</p>"), "", 422, "trail.unrecognized"],
    [new Uint8Array(0), "", 400, "upload.empty"],
    [new TextEncoder().encode("{}"), "?roleArn=arn:aws:iam::123:role/x", 400, "lookup.bad-arn"],
    [new TextEncoder().encode("{}"), `?roleArn=${"x".repeat(3000)}`, 400, "request.invalid"],
  ])("refuses bad uploads with a typed error (%#)", async (body, query, status, code) => {
    const response = await upload(body, query, { "content-length": String(body.length) });
    expect(response.status).toBe(status);
    expect(apiErrorSchema.parse(await response.json())).toMatchObject({ code });
  });

  it("refuses a declared size over the limit at once, and stops reading an undeclared one at the limit", async () => {
    process.env.WHYDENIED_MAX_UPLOAD_MIB = "1";
    const big = new TextEncoder().encode(JSON.stringify({ Records: [...day, ...day, ...day] }));
    expect(big.length).toBeGreaterThan(1024 * 1024);
    const declared = await upload(big, "", { "content-length": String(big.length) });
    expect([declared.status, apiErrorSchema.parse(await declared.json()).code]).toEqual([413, "upload.too-large"]);
    const streamed = await readEvents(await upload(streamOf(big)));
    expect(streamed.at(-1)).toMatchObject({ type: "error", code: "upload.too-large" });
  });
});
