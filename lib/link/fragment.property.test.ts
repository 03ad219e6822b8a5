import fc from "fast-check";
import { deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { withinAsyncBudget } from "../testing/async-budget";
import { toBase64Url } from "./base64url";
import { crc32Hex } from "./crc32";
import { decodeFragment, encodeFragment, type LinkErrorCode } from "./fragment";
import { MAX_LINK_CHARS } from "./limits";

/**
 * Per hostile input: decoding the largest (a fragment at the length limit inflating to the paste limit) takes a few
 * milliseconds; a bomb inflated in full would take seconds and hundreds of MiB, so the budgets can be generous.
 */
const BUDGET = { ms: 2_000, bytes: 48 * 2 ** 20 };
const CODES: LinkErrorCode[] = [
  "link.malformed",
  "link.unknown-version",
  "link.truncated",
  "link.tampered",
  "link.too-large",
];
const BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** Decodes within the budgets and checks the answer is a value: the text, or one of the documented codes. */
async function decodeHostile(fragment: string) {
  const result = await withinAsyncBudget(BUDGET, () => decodeFragment(fragment));
  if (!result.ok) expect(CODES).toContain(result.error.code);
  return result;
}

const base64UrlText = (maxLength: number) => fc.string({ unit: fc.constantFrom(...BASE64URL), maxLength });

const hostileFragment = fc.oneof(
  fc.string({ unit: "binary", maxLength: 10_000 }),
  fc.string({ unit: "binary", maxLength: 200 }).map((text) => `paste=${text}`),
  fc
    .record({
      version: fc.oneof(fc.constant("v1"), fc.stringMatching(/^v\d{1,5}$/)),
      length: fc.nat(20_000),
      checksum: fc.stringMatching(/^[0-9a-f]{8}$/),
      data: base64UrlText(9_000),
    })
    .map(({ version, length, checksum, data }) => `paste=${version}.${length}.${checksum}.${data}`),
  base64UrlText(9_000).map((data) => `paste=v1.${data.length}.00000000.${data}`),
);

/** Bytes of `pattern` repeated to `size`, doubling with copyWithin (a byte-by-byte loop takes seconds at MiB sizes). */
function repeated(pattern: Uint8Array, size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes.set(pattern.subarray(0, size));
  for (let filled = Math.min(pattern.length, size); filled < size; filled *= 2) bytes.copyWithin(filled, 0, filled);
  return bytes;
}

/**
 * A bomb that fits in a link: a run of one byte or a short pattern, from just past the paste limit to the ~6 MiB that
 * 8,000 characters of deflate can hold, in the v1 layout with a matching length and checksum.
 */
const bombFragment = fc
  .record({
    size: fc.integer({ min: 257 * 1024, max: 6 * 2 ** 20 }),
    pattern: fc.uint8Array({ minLength: 1, maxLength: 3 }),
  })
  .map(({ size, pattern }) => {
    const bytes = repeated(pattern, size);
    const data = toBase64Url(deflateRawSync(bytes, { level: 9 }));
    return `paste=v1.${data.length}.${crc32Hex(bytes)}.${data}`;
  });

interface Mutation {
  kind: "cut" | "replace" | "insert" | "delete";
  at: number;
  char?: string;
}

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("cut" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("replace" as const), at: fc.nat(), char: fc.constantFrom(...BASE64URL) }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), char: fc.constantFrom(...BASE64URL, ".", "%", "#") }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat() }),
);

function mutate(fragment: string, change: Mutation): string {
  const at = change.at % (fragment.length + 1);
  switch (change.kind) {
    case "cut":
      return fragment.slice(0, at);
    case "replace":
      return fragment.slice(0, at) + (change.char ?? "") + fragment.slice(at + 1);
    case "insert":
      return fragment.slice(0, at) + (change.char ?? "") + fragment.slice(at);
    default:
      return fragment.slice(0, at) + fragment.slice(at + 1);
  }
}

describe("decodeFragment, property-based", () => {
  it("answers every hostile string with a value, within its time and memory budget", async () => {
    await fc.assert(
      fc.asyncProperty(hostileFragment, async (fragment) => {
        await decodeHostile(fragment);
      }),
      { numRuns: 300 },
    );
  });

  it("refuses every bomb without expanding it, within its time and memory budget", async () => {
    await fc.assert(
      fc.asyncProperty(bombFragment, async (fragment) => {
        const result = await decodeHostile(fragment);
        expect(result.ok ? "ok" : result.error.code).toBe("link.too-large");
      }),
      { numRuns: 40 },
    );
  });

  it("reads back a link changed in one place either as the same text or as an error", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 400 }),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        async (text, changes) => {
          const fragment = changes.reduce(mutate, await encodeFragment(text));
          const result = await decodeHostile(fragment);
          if (result.ok) expect(result.value).toBe(text);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("round-trips any text whose link fits", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "binary", maxLength: 3_000 }), async (text) => {
        const fragment = await encodeFragment(text);
        fc.pre(fragment.length <= MAX_LINK_CHARS);
        expect(await decodeHostile(fragment)).toEqual({ ok: true, value: text });
      }),
      { numRuns: 200 },
    );
  });
});
