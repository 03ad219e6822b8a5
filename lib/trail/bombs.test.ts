import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { gunzipIfCompressed } from "./gunzip";
import { readTrail } from "./read-trail";
import { chunked, failureOf, readAll, utf8 } from "./test-support";
import type { TrailResult } from "./types";

const MIB = 1024 * 1024;
const CAP = 16 * MIB;
/** One gzip member of 4 MiB of `byte`: a few KiB compressed. */
const member = (byte: number) => gzipSync(Buffer.alloc(4 * MIB, byte));
/** Concatenated members, as trail files are: 64 MiB inflated from a few tens of KiB. */
const bomb = (byte: number, opening = Buffer.alloc(0)) =>
  Buffer.concat([gzipSync(opening), ...Array.from({ length: 16 }, () => member(byte))]);

describe("decompression bombs", () => {
  it("stop at the inflated-bytes cap, with the bytes yielded never past it", async () => {
    const data = gunzipIfCompressed(
      chunked(bomb(0), [4096]),
      { bytesRead: 0, waitingMs: 0 },
      { maxInflatedBytes: CAP, now: () => 0 },
    );
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

/** Half a gzip file, then nothing more for ever: a client that stopped sending without closing. */
async function* stalled(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes.subarray(0, bytes.length >> 1);
  await new Promise(() => undefined);
}

describe("inflation", () => {
  it("stops when the client goes away while the inflater waits for more input", async () => {
    const cancel = new AbortController();
    const reader = readTrail(stalled(gzipSync(Buffer.alloc(MIB, 0x20))), { signal: cancel.signal });
    const waiting = reader.next();
    await new Promise((resolve) => setImmediate(resolve));
    cancel.abort(new Error("client went away"));
    await expect(waiting).rejects.toThrow("client went away");
  });
});

describe("an upload's server time", () => {
  const SECOND = 1000;
  const lines = Array.from({ length: 40 }, (_, index) => `{"eventName":"E${index}","eventSource":"s3.amazonaws.com"}`);
  /** JSON Lines in one chunk per record, each taking `waitMs` of the clock to arrive. */
  async function* arriving(clock: { ms: number }, waitMs: number): AsyncGenerator<Uint8Array> {
    for (const line of lines) {
      clock.ms += waitMs;
      await Promise.resolve();
      yield utf8(`${line}\n`);
    }
  }

  async function readWithWork(waitMs: number, workMs: number): Promise<TrailResult> {
    const clock = { ms: 0 };
    const reader = readTrail(arriving(clock, waitMs), { work: { now: () => clock.ms, maxMs: 60 * SECOND } });
    for (let next = await reader.next(); ; next = await reader.next()) {
      if (next.done) return next.value;
      clock.ms += workMs;
    }
  }

  it("ends with upload.time-limit once reading and diagnosing take more than the budget", async () => {
    expect(failureOf(await readWithWork(0, 2 * SECOND))).toMatchObject({ code: "upload.time-limit" });
  });

  it("does not count the time spent waiting for a slow client", async () => {
    expect(await readWithWork(10 * SECOND, SECOND / 2)).toMatchObject({ ok: true, recordsScanned: lines.length });
  });
});
