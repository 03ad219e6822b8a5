import { deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { withinAsyncBudget } from "../testing/async-budget";
import { deflateRaw, inflateRawBounded } from "./deflate";

describe("inflateRawBounded", () => {
  it("inflates what deflateRaw made", async () => {
    const text = new TextEncoder().encode("Access Denied ".repeat(100));
    expect(await inflateRawBounded(await deflateRaw(text), 10_000)).toEqual({ status: "ok", bytes: text });
  });

  it("stops a 1 GiB bomb at the limit, in bounded time and memory", async () => {
    // 1 MiB of zeros deflated, concatenated as non-final blocks, then one final block: inflates to 1 GiB + 1 MiB.
    const block = deflateRawSync(new Uint8Array(2 ** 20), { finishFlush: 2 /* Z_SYNC_FLUSH: no final block */ });
    const parts = [...Array<Buffer>(1024).fill(block), deflateRawSync(new Uint8Array(2 ** 20))];
    const bomb = new Uint8Array(Buffer.concat(parts));
    const result = await withinAsyncBudget({ ms: 2_000, bytes: 48 * 2 ** 20 }, () =>
      inflateRawBounded(bomb, 256 * 1024),
    );
    expect(result.status).toBe("too-large");
  });

  // Bytes after the end are the platform's call (Node 20 ignores them, browsers refuse); the fragment's checksum decides.
  it("calls a stream cut short, or not deflate at all, corrupt", async () => {
    const whole = await deflateRaw(new TextEncoder().encode("Access Denied ".repeat(100)));
    expect((await inflateRawBounded(whole.slice(0, whole.length - 3), 10_000)).status).toBe("corrupt");
    expect((await inflateRawBounded(new Uint8Array([0xff, 0xff, 0xff]), 10_000)).status).toBe("corrupt");
  });
});
