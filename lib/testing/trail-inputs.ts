import fc from "fast-check";
import { gzipSync } from "node:zlib";

const MIB = 1024 * 1024;

/** The most bytes one bomb input inflates to: past the caps the tests set, far under the CPU budget. */
const BOMB_INFLATED_BYTES = 32 * MIB;

const denial = (extra: string) =>
  `{"eventSource":"s3.amazonaws.com","eventName":"GetObject","errorCode":"AccessDenied",` +
  `"errorMessage":"User: arn:aws:iam::123456789012:user/a is not authorized to perform: s3:GetObject on resource: ` +
  `arn:aws:s3:::b/k"${extra}}`;

/** Trail-shaped text: real-looking denials, JSON fragments and structure, in every wrapping readTrail knows. */
const trailText = fc
  .tuple(
    fc.array(
      fc.oneof(
        fc.constant(denial("")),
        fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value) ?? "null"),
        fc.string({
          unit: fc.constantFrom("{", "}", "[", "]", '"', "\\", ",", ":", "err", "errorCode", " ", "é", "\n"),
        }),
      ),
      { maxLength: 20 },
    ),
    fc.constantFrom("trail-file", "json-array", "json-lines", "lookup-events"),
  )
  .map(([items, wrapping]) => {
    if (wrapping === "json-lines") return items.join("\n");
    if (wrapping === "json-array") return `[${items.join(",")}]`;
    if (wrapping === "lookup-events")
      return JSON.stringify({ Events: items.map((item) => ({ CloudTrailEvent: item })) });
    return `{"Records":[${items.join(",")}]}`;
  });

/** Bytes of invalid UTF-8 spliced into trail text (lone continuation bytes, overlong forms, a cut sequence). */
const invalidUtf8 = fc
  .tuple(
    trailText,
    fc.constantFrom([0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf8, 0x88], [0xe2, 0x82], [0xff]),
    fc.nat(),
  )
  .map(([text, bytes, at]) => {
    const data = Buffer.from(text);
    const cut = data.length === 0 ? 0 : at % data.length;
    return Buffer.concat([data.subarray(0, cut), Buffer.from(bytes), data.subarray(cut)]);
  });

/** A record nesting arrays or objects up to 200k deep: the splitter must not recurse, nothing may stringify it. */
const deepNesting = fc
  .tuple(fc.integer({ min: 1, max: 200_000 }), fc.boolean(), fc.boolean())
  .map(([depth, objects, closed]) => {
    const open = objects ? '{"a":'.repeat(depth) : "[".repeat(depth);
    const close = closed ? (objects ? "1" + "}".repeat(depth) : "]".repeat(depth)) : "";
    return Buffer.from(`{"Records":[${denial(`,"deep":${open}${close}`)}]}`);
  });

/** One string of up to 12 MiB: past the record cap (8 MiB by default) or just under it. */
const hugeString = fc
  .tuple(fc.integer({ min: 1, max: 12 * MIB }), fc.constantFrom("a", "\\\\", "é", "\\u0041"))
  .map(([length, unit]) =>
    Buffer.from(`{"Records":[${denial(`,"big":"${unit.repeat(Math.ceil(length / unit.length))}"`)}]}`),
  );

const gzipOf = (data: Uint8Array) => gzipSync(data, { level: 1 });

/** Gzip members back to back, as concatenated trail files are: empty ones (thousands), or any of the inputs. */
const manyMembers = fc.oneof(
  fc
    .integer({ min: 1, max: 20_000 })
    .map((count) => Buffer.concat(Array.from({ length: count }, () => gzipOf(Buffer.alloc(0))))),
  fc
    .array(trailText, { minLength: 2, maxLength: 8 })
    .map((texts) => Buffer.concat(texts.map((text) => gzipOf(Buffer.from(text))))),
);

/** A gzip stream cut anywhere, or with bytes flipped: truncated members and damaged data. */
const brokenGzip = fc.tuple(trailText, fc.nat(), fc.boolean()).map(([text, at, flip]) => {
  const data = gzipOf(Buffer.from(text.repeat(4)));
  const index = 2 + (at % Math.max(1, data.length - 2));
  if (!flip) return data.subarray(0, index);
  const flipped = Buffer.from(data);
  flipped[index] = flipped[index]! ^ 0x5a;
  return flipped;
});

/** Members of 4 MiB of one byte each, up to BOMB_INFLATED_BYTES in all from a few KiB: opened as a trail or not. */
const bomb = fc
  .tuple(fc.integer({ min: 1, max: BOMB_INFLATED_BYTES / (4 * MIB) }), fc.constantFrom(0x00, 0x20, 0x5b), fc.boolean())
  .map(([members, byte, opened]) => {
    const member = gzipOf(Buffer.alloc(4 * MIB, byte));
    return Buffer.concat([
      gzipOf(Buffer.from(opened ? '{"Records":[' : "")),
      ...Array.from({ length: members }, () => member),
    ]);
  });

/**
 * What anyone may upload as a trail file: binary noise, trail text (plain and gzip), invalid UTF-8, deep nesting,
 * huge strings, many gzip members, truncated or damaged gzip, and decompression bombs.
 */
export const trailUpload: fc.Arbitrary<Uint8Array> = fc.oneof(
  { arbitrary: fc.uint8Array({ maxLength: 4096 }), weight: 3 },
  { arbitrary: trailText.map((text) => Buffer.from(text)), weight: 3 },
  { arbitrary: trailText.map((text) => gzipOf(Buffer.from(text))), weight: 2 },
  { arbitrary: invalidUtf8, weight: 2 },
  { arbitrary: fc.oneof(invalidUtf8, deepNesting).map(gzipOf), weight: 1 },
  { arbitrary: deepNesting, weight: 1 },
  { arbitrary: hugeString, weight: 1 },
  { arbitrary: manyMembers, weight: 1 },
  { arbitrary: brokenGzip, weight: 2 },
  { arbitrary: bomb, weight: 1 },
);

/** How an upload arrives: chunk sizes the reader cycles through (tiny ones split every token). */
export const chunkSizes = fc.array(fc.oneof(fc.integer({ min: 1, max: 64 }), fc.integer({ min: 1, max: 256 * 1024 })), {
  minLength: 1,
  maxLength: 4,
});
