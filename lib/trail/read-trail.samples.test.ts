import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { cloudTrailRecordSchema, denialFromRecord, isDenialRecord, parseDenials } from "../parse";
import { chunked, readAll, utf8 } from "./test-support";

// Real records: invictus-ir/aws_dataset (MIT) and panther-labs/panther-analysis (Apache-2.0); see cases/SOURCES.md.
const lines = ["invictus-records.jsonl", "panther-records.jsonl"].flatMap((file) =>
  readFileSync(new URL(`./cases/${file}`, import.meta.url), "utf8")
    .trim()
    .split("\n"),
);
const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
const withErrors = records
  .filter((record) => record.errorCode || record.errorMessage)
  .map((record) => cloudTrailRecordSchema.parse(record));

/** Trail files of 50 records, as CloudTrail delivers them, gzipped one by one and concatenated. */
function deliveredTrail(): Buffer {
  const files: Buffer[] = [];
  for (let first = 0; first < records.length; first += 50)
    files.push(gzipSync(JSON.stringify({ Records: records.slice(first, first + 50) })));
  return Buffer.concat(files);
}

const inputs: [string, Buffer][] = [
  ["concatenated gzip trail files", deliveredTrail()],
  [
    "lookup-events output",
    utf8(
      JSON.stringify(
        { Events: records.map((record) => ({ EventId: record.eventID, CloudTrailEvent: JSON.stringify(record) })) },
        null,
        4,
      ),
    ),
  ],
  ["a JSON array", utf8(JSON.stringify(records))],
  ["JSON Lines", utf8(lines.join("\n"))],
];

describe("readTrail on real CloudTrail records", () => {
  it.each(inputs)("finds every record with an error in %s", async (_, bytes) => {
    for (const sizes of [[65536], [4096], [1, 1000, 7]]) {
      const { records: found, result } = await readAll(chunked(bytes, sizes));
      expect(found).toEqual(withErrors);
      expect(result).toMatchObject({ ok: true, recordsScanned: records.length, malformed: 0 });
    }
  });

  it("gives the same denials as pasting the records", async () => {
    const { records: found } = await readAll(chunked(deliveredTrail(), [4096]));
    const pasted = parseDenials(lines.join("\n")).records.reduce((total, record) => total + record.occurrences, 0);
    expect(found.filter(isDenialRecord).map(denialFromRecord)).toHaveLength(pasted);
    expect(pasted).toBeGreaterThan(90);
  });
});
