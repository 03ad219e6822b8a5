import fc from "fast-check";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { cloudTrailRecordSchema, type CloudTrailRecord } from "../parse";
import { fuzzRuns } from "../testing/fuzz";
import { chunked, readAll, utf8 } from "./test-support";
import type { TrailFormat } from "./types";

/** Strings heavy in what a byte-level splitter could trip on: structure, escapes, multi-byte UTF-8. */
const trickyText = fc.string({
  unit: fc.oneof(
    fc.constantFrom("{", "}", "[", "]", '"', "\\", ",", ":", "\n", "é", "€", "😀", "err", "errorCode", '\\"'),
    fc.string({ unit: "binary", maxLength: 1 }),
  ),
  maxLength: 12,
});

const KEYS = [
  "eventVersion",
  "eventSource",
  "eventName",
  "eventID",
  "errorCode",
  "errorMessage",
  "requestParameters",
  "readOnly",
] as const;

const recordArbitrary = fc
  .record(
    {
      eventVersion: fc.constant("1.09"),
      eventSource: trickyText,
      eventName: trickyText,
      eventID: fc.uuid(),
      errorCode: fc.oneof(trickyText, fc.constant(null)),
      errorMessage: fc.oneof(trickyText, fc.constant(null)),
      requestParameters: fc.oneof(
        fc.constant(null),
        fc.dictionary(trickyText, fc.jsonValue({ maxDepth: 3 }), { maxKeys: 3 }),
      ),
      readOnly: fc.boolean(),
    },
    { requiredKeys: ["eventSource", "eventName"] },
  )
  .chain((record) =>
    fc
      .shuffledSubarray([...KEYS], { minLength: KEYS.length, maxLength: KEYS.length })
      .map((order) => Object.fromEntries(order.filter((key) => key in record).map((key) => [key, record[key]]))),
  );

function serialise(records: object[], format: TrailFormat, trailFiles: number, pretty: boolean): string {
  const spacing = pretty ? 2 : undefined;
  switch (format) {
    case "trail-file": {
      const size = Math.ceil(records.length / trailFiles);
      const files = Array.from({ length: trailFiles }, (_, file) =>
        JSON.stringify({ Records: records.slice(file * size, (file + 1) * size) }, null, spacing),
      );
      return files.join(pretty ? "\n" : "");
    }
    case "lookup-events":
      return JSON.stringify(
        {
          Events: records.map((record) => ({ EventId: "x", CloudTrailEvent: JSON.stringify(record) })),
          NextToken: "t",
        },
        null,
        spacing,
      );
    case "json-array":
      return JSON.stringify(records, null, spacing);
    case "json-lines":
      return records.map((record) => JSON.stringify(record)).join("\n");
  }
}

function expectedRecords(records: object[]): CloudTrailRecord[] {
  return records
    .map((record) => cloudTrailRecordSchema.parse(JSON.parse(JSON.stringify(record))))
    .filter((record) => record.errorCode || record.errorMessage);
}

const caseArbitrary = fc.record({
  records: fc.array(recordArbitrary, { minLength: 1, maxLength: 12 }),
  format: fc.constantFrom<TrailFormat>("trail-file", "lookup-events", "json-array", "json-lines"),
  trailFiles: fc.integer({ min: 1, max: 3 }),
  pretty: fc.boolean(),
  gzip: fc.boolean(),
  chunkSizes: fc.array(fc.integer({ min: 1, max: 97 }), { minLength: 1, maxLength: 8 }),
});

describe("readTrail, property-based", () => {
  it("returns exactly the records with an error, and the right counts, however the data is cut", async () => {
    await fc.assert(
      fc.asyncProperty(caseArbitrary, async ({ records, format, trailFiles, pretty, gzip, chunkSizes }) => {
        const text = serialise(records, format, trailFiles, pretty && format !== "json-lines");
        const bytes = gzip ? gzipSync(text) : utf8(text);
        const { records: found, result } = await readAll(chunked(bytes, chunkSizes));
        expect(result).toEqual({ ok: true, format, recordsScanned: records.length, malformed: 0 });
        expect(found).toEqual(expectedRecords(records));
      }),
      { numRuns: fuzzRuns(300) },
    );
  });

  // The first record must be one: JSON that is not CloudTrail before any record proves the file is not CloudTrail.
  it("counts malformed records after the first and reads the rest", async () => {
    const broken = fc.constantFrom(
      '{"errorCode":"AccessDenied",}',
      '{"errorMessage":"x","eventName":}',
      '{"errorCode":"}{", "eventSource": 1, "eventName": "x"}',
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            recordArbitrary.map((record) => ({ record })),
            broken.map((text) => ({ text })),
          ),
          { minLength: 1, maxLength: 12 },
        ),
        recordArbitrary,
        fc.constantFrom<TrailFormat>("trail-file", "json-array", "json-lines"),
        fc.integer({ min: 1, max: 61 }),
        async (entries, guaranteed, format, chunkSize) => {
          const texts = [
            JSON.stringify(guaranteed),
            ...entries.map((entry) => ("text" in entry ? entry.text : JSON.stringify(entry.record))),
          ];
          const joined = format === "json-lines" ? texts.join("\n") : `[${texts.join(",")}]`;
          const text = format === "trail-file" ? `{"Records":${joined}}` : joined;
          const good = [guaranteed, ...entries.flatMap((entry) => ("record" in entry ? [entry.record] : []))];
          const { records: found, result } = await readAll(chunked(utf8(text), [chunkSize]));
          expect(result).toEqual({
            ok: true,
            format,
            recordsScanned: texts.length,
            malformed: texts.length - good.length,
          });
          expect(found).toEqual(expectedRecords(good));
        },
      ),
      { numRuns: fuzzRuns(200) },
    );
  });
});
