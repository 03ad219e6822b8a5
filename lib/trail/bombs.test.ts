import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { gunzipIfCompressed } from "./gunzip";
import { readTrail } from "./read-trail";
import { chunked, failureOf, readAll } from "./test-support";

const MIB = 1024 * 1024;
const CAP = 16 * MIB;
/** One gzip member of 4 MiB of `byte`: a few KiB compressed. */
const member = (byte: number) => gzipSync(Buffer.alloc(4 * MIB, byte));
/** Concatenated members, as trail files are: 64 MiB inflated from a few tens of KiB. */
const bomb = (byte: number, opening = Buffer.alloc(0)) =>
  Buffer.concat([gzipSync(opening), ...Array.from({ length: 16 }, () => member(byte))]);

describe("decompression bombs", () => {
  it("stop at the inflated-bytes cap, with the bytes yielded never past it", async () => {
    const data = gunzipIfCompressed(chunked(bomb(0), [4096]), { bytesRead: 0 }, { maxInflatedBytes: CAP });
    let inflated = 0;
    for (let next = await data.next(); ; next = await data.next()) {
      if (next.done) {
        expect(next.value?.error.code).toBe("upload.inflated-too-large");
        break;
      }
      inflated += next.value.length;
    }
    expect(inflated).toBeLessThanOrEqual(CAP);
  });

  it("end a trail reading with upload.inflated-too-large when the records are only padding", async () => {
    const padded = bomb(0x20, Buffer.from('{"Records":['));
    const reading = await readAll(chunked(padded, [8192]), { maxInflatedBytes: CAP });
    expect(failureOf(reading.result)).toMatchObject({ code: "upload.inflated-too-large" });
    expect(reading.result.ok).toBe(false);
  });

  it("stop inflating as soon as the signal aborts, before any record was read", async () => {
    const cancel = new AbortController();
    const reader = readTrail(chunked(bomb(0x20, Buffer.from('{"Records":[')), [8192]), { signal: cancel.signal });
    const first = await reader.next();
    expect(first.done).toBe(false);
    cancel.abort(new Error("client went away"));
    await expect(reader.next()).rejects.toThrow("client went away");
    expect(await reader.next()).toEqual({ done: true, value: undefined });
  });
});
