import { gzipSync } from "node:zlib";
import { describe, expect, it, vi } from "vitest";
import { readTrail } from "./read-trail";
import { chunked, failureOf, readAll, utf8 } from "./test-support";

const record = {
  eventVersion: "1.08",
  eventSource: "s3.amazonaws.com",
  eventName: "GetObject",
  errorCode: "AccessDenied",
};
const trailFile = JSON.stringify({ Records: [record, { ...record, errorCode: undefined }, record] });

/** Deterministic bytes that look like nothing in particular. */
function noise(length: number, seed: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = seed;
  for (let index = 0; index < length; index++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    bytes[index] = state >>> 24;
  }
  return bytes;
}

/** A single JSON Lines "record" whose one string goes on for `megabytes` MiB, produced lazily. */
async function* hugeRecord(megabytes: number, consumed: { chunks: number }): AsyncGenerator<Uint8Array> {
  await Promise.resolve();
  yield utf8('{"eventSource":"s3.amazonaws.com","eventName":"GetObject","blob":"');
  const megabyte = Buffer.alloc(1024 * 1024, '{\\"');
  for (let index = 0; index < megabytes; index++) {
    consumed.chunks++;
    yield megabyte;
  }
  yield utf8('"}\n');
}

describe("readTrail on data it cannot read", () => {
  it("says an empty file is empty", async () => {
    for (const text of ["", "  \n\t"]) {
      const failure = failureOf((await readAll(chunked(utf8(text)))).result);
      expect(failure?.code).toBe("trail.unrecognized");
      expect(failure?.message).toContain("empty");
    }
  });

  it("says HTML is not CloudTrail, and what it starts with, before any batch", async () => {
    const { batches, result } = await readAll(chunked(utf8("<!DOCTYPE html><html><body>Access Denied</body></html>")));
    expect(batches).toEqual([]);
    expect(result).toEqual({
      ok: false,
      error: {
        code: "trail.unrecognized",
        message:
          'This is not CloudTrail data: expected {"Records": […]}, lookup-events output, a JSON array or JSON Lines of ' +
          "CloudTrail records. It starts with: <!DOCTYPE html><html><body>Access Denied…",
      },
    });
  });

  it("says binary garbage is not CloudTrail, whatever its first byte", async () => {
    for (let seed = 1; seed <= 20; seed++) {
      const garbage = noise(256 * 1024, seed);
      for (const start of [[], [0x7b], [0x5b], [0x7b, 0x22]]) {
        const { result } = await readAll(chunked(Buffer.concat([Buffer.from(start), garbage]), [4096]));
        expect(result.ok, `seed ${seed}, start ${start.join(" ")}`).toBe(false);
      }
      expect((await readAll(chunked(garbage))).result).toMatchObject({
        ok: false,
        error: { code: "trail.unrecognized" },
      });
    }
  });

  it("says JSON that is not CloudTrail is not CloudTrail", async () => {
    for (const text of [
      '{"name":"whydenied","version":"0.1.0"}',
      "[1, 2, 3]",
      '{"Records": 5}',
      '{"Records":[{"eventName":"no source"}]}',
      '"text"',
      "null",
    ]) {
      expect((await readAll(chunked(utf8(text)))).result, text).toMatchObject({
        ok: false,
        error: { code: "trail.unrecognized" },
      });
    }
  });

  it("says so when not one record is valid JSON", async () => {
    const { result } = await readAll(chunked(utf8('{"Records":[{"eventName":},{"a":tru}]}')));
    expect(failureOf(result)?.code).toBe("trail.unrecognized");
    expect(failureOf(result)?.message).toContain("none of its 2 records is valid JSON");
  });

  it("says a file cut mid-record was cut short", async () => {
    for (const cut of [5, 40, trailFile.length - 30, trailFile.length - 1]) {
      const { records, result } = await readAll(chunked(utf8(trailFile.slice(0, cut)), [8]));
      expect(result, `cut at ${cut}`).toMatchObject({ ok: false, error: { code: "trail.truncated" } });
      expect(records.length).toBeLessThanOrEqual(2);
    }
  });

  it("says a gzip file cut short was cut short", async () => {
    const gzipped = gzipSync(trailFile);
    for (const cut of [2, 12, gzipped.length - 5]) {
      expect((await readAll(chunked(gzipped.subarray(0, cut), [16]))).result).toMatchObject({
        ok: false,
        error: { code: "trail.truncated" },
      });
    }
  });

  it("stops at a 100 MB record soon after the cap, without reading on", async () => {
    const consumed = { chunks: 0 };
    const { result } = await readAll(hugeRecord(100, consumed));
    expect(failureOf(result)?.code).toBe("trail.record-too-large");
    expect(failureOf(result)?.message).toContain("8 MiB");
    expect(consumed.chunks).toBeLessThan(12);
  });

  it("honours a smaller cap, after handing over the records read before the large one", async () => {
    const text = JSON.stringify({ Records: [record, record, { ...record, blob: "x".repeat(200) }, record] });
    const { records, result } = await readAll(chunked(utf8(text)), { maxRecordBytes: 128 });
    expect(failureOf(result)?.code).toBe("trail.record-too-large");
    expect(failureOf(result)?.message).toContain("128 bytes");
    expect(records).toHaveLength(2);
  });

  it("reads deeply nested JSON without recursing on its depth", async () => {
    const nesting = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
    const deepRecord = JSON.stringify({ Records: [{ ...record, requestParameters: "@" }] }).replace('"@"', nesting);
    const nested = await readAll(chunked(utf8(deepRecord), [4096]));
    expect(nested.result).toMatchObject({ ok: true, recordsScanned: 1 });
    expect(nested.records).toHaveLength(1);
    expect((await readAll(chunked(utf8(`[${nesting}]`)))).result).toMatchObject({
      ok: false,
      error: { code: "trail.unrecognized" },
    });
  });

  it("reads strings full of braces, quotes and backslashes", async () => {
    const tricky = Buffer.from(noise(20_000, 7).map((byte) => '{}[]"\\,:'.charCodeAt(byte % 8))).toString("latin1");
    const records = [
      { ...record, errorMessage: tricky },
      { ...record, requestParameters: { [tricky]: tricky } },
    ];
    const { records: found, result } = await readAll(chunked(utf8(JSON.stringify({ Records: records })), [333]));
    expect(found.map((one) => one.errorMessage ?? null)).toEqual([tricky, null]);
    expect(result).toMatchObject({ ok: true, recordsScanned: 2, malformed: 0 });
  });

  it("stops reading its input when the caller stops early, gzip or not", async () => {
    for (const line of [utf8(`${JSON.stringify(record)}\n`), gzipSync(`${JSON.stringify(record)}\n`)]) {
      let closed = false;
      async function* endless(): AsyncGenerator<Uint8Array> {
        try {
          for (;;) {
            await Promise.resolve();
            yield line;
          }
        } finally {
          closed = true;
        }
      }
      for await (const batch of readTrail(endless())) if (batch.recordsScanned > 3) break;
      // The gzip stream closes its input as it is destroyed, a moment later.
      await vi.waitFor(() => expect(closed).toBe(true));
    }
  });

  it("passes on an error from its input, gzip or not: that is the caller's failure, not the data's", async () => {
    const broken = new Error("connection reset");
    for (const first of [utf8(trailFile.slice(0, 20)), gzipSync(trailFile)]) {
      async function* failing(): AsyncGenerator<Uint8Array> {
        await Promise.resolve();
        yield first;
        throw broken;
      }
      await expect(readAll(failing())).rejects.toBe(broken);
    }
  });
});
