import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { gunzipIfCompressed } from "./gunzip";
import { chunked, failureOf } from "./test-support";
import { MAX_INFLATED_BYTES, type TrailFailure } from "./types";

async function inflate(
  bytes: Uint8Array,
  sizes?: number[],
): Promise<{ text: string; end: TrailFailure | null; bytesRead: number }> {
  const progress = { bytesRead: 0, waitingMs: 0 };
  const data = gunzipIfCompressed(chunked(bytes, sizes), progress, {
    maxInflatedBytes: MAX_INFLATED_BYTES,
    now: () => 0,
  });
  const parts: Uint8Array[] = [];
  for (let next = await data.next(); ; next = await data.next()) {
    if (next.done) return { text: Buffer.concat(parts).toString(), end: next.value, bytesRead: progress.bytesRead };
    parts.push(next.value);
  }
}

const first = gzipSync('{"Records":[{"eventName":"A"}]}');
const second = gzipSync('{"Records":[{"eventName":"B"}]}');

describe("gunzipIfCompressed", () => {
  it("passes bytes through untouched when they are not gzip", async () => {
    expect(await inflate(Buffer.from("[1, 2]"), [1])).toEqual({ text: "[1, 2]", end: null, bytesRead: 6 });
  });

  it("inflates gzip, told by its magic bytes, in chunks of any size", async () => {
    for (const sizes of [[1], [2], [3, 7], [first.length]]) {
      expect(await inflate(first, sizes)).toEqual({
        text: '{"Records":[{"eventName":"A"}]}',
        end: null,
        bytesRead: first.length,
      });
    }
  });

  it("inflates every member of concatenated gzip files", async () => {
    const both = Buffer.concat([first, second]);
    expect((await inflate(both, [5])).text).toBe('{"Records":[{"eventName":"A"}]}{"Records":[{"eventName":"B"}]}');
  });

  it("reports gzip data cut short", async () => {
    for (const cut of [2, 10, first.length - 4]) {
      expect((await inflate(first.subarray(0, cut))).end).toMatchObject({
        ok: false,
        error: { code: "trail.truncated" },
      });
    }
  });

  it("reports damaged gzip data", async () => {
    const damaged = Buffer.concat([first.subarray(0, 10), Buffer.alloc(40, 0xff)]);
    const failure = failureOf((await inflate(damaged)).end);
    expect(failure?.code).toBe("trail.unrecognized");
    expect(failure?.message).toContain("damaged");
  });

  it("yields nothing for no data", async () => {
    expect(await inflate(new Uint8Array(0))).toEqual({ text: "", end: null, bytesRead: 0 });
  });
});
