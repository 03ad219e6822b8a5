import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { cloudTrailRecordSchema } from "../parse";
import { chunked, readAll, utf8 } from "./test-support";

const denied = {
  eventVersion: "1.09",
  eventSource: "kms.amazonaws.com",
  eventName: "Decrypt",
  eventID: "e1",
  errorCode: "AccessDenied",
  errorMessage:
    "User: arn:aws:sts::111122223333:assumed-role/r/fn is not authorized to perform: kms:Decrypt on resource: " +
    "arn:aws:kms:us-east-1:111122223333:key/k because no resource-based policy allows the kms:Decrypt action",
  requestParameters: { note: 'braces } { ] [, quotes " \\" and backslashes \\\\ in a string', unicode: "é€😀 — ✓" },
};
const succeeded = {
  eventVersion: "1.09",
  eventSource: "s3.amazonaws.com",
  eventName: "GetObject",
  eventID: "e2",
  requestParameters: { key: '}{"' },
};
const throttled = { ...succeeded, eventID: "e3", errorCode: "ThrottlingException" };
const messageOnly = { ...succeeded, eventID: "e4", errorMessage: "Access Denied" };
const records = [succeeded, denied, throttled, messageOnly];
const withErrors = [denied, throttled, messageOnly].map((record) => cloudTrailRecordSchema.parse(record));

const formats = {
  "trail-file": JSON.stringify({ Records: records }),
  "lookup-events": JSON.stringify({
    Events: records.map((record) => ({
      EventId: record.eventID,
      EventName: record.eventName,
      CloudTrailEvent: JSON.stringify(record),
    })),
    NextToken: "eyJ9In0=",
  }),
  "json-array": JSON.stringify(records, null, 2),
  "json-lines": `${records.map((record) => JSON.stringify(record)).join("\n")}\n`,
} as const;

describe("readTrail", () => {
  it.each(Object.entries(formats))("reads %s with keepSuccesses, yielding every record in order", async (_, text) => {
    const { records: read } = await readAll(chunked(utf8(text), [7, 64]), { keepSuccesses: true });
    expect(read).toEqual(records.map((record) => cloudTrailRecordSchema.parse(record)));
  });

  it.each(Object.entries(formats))(
    "reads %s, yielding the records with an errorCode or errorMessage",
    async (format, text) => {
      const { records: found, result } = await readAll(chunked(utf8(text)));
      expect(found).toEqual(withErrors);
      expect(result).toEqual({ ok: true, format, recordsScanned: 4, malformed: 0 });
    },
  );

  it.each(Object.entries(formats))("reads %s gzipped, as one member or several", async (format, text) => {
    const whole = gzipSync(text);
    const half = Math.floor(text.length / 2);
    const members =
      format === "trail-file"
        ? Buffer.concat([whole, gzipSync(text)])
        : Buffer.concat([gzipSync(text.slice(0, half)), gzipSync(text.slice(half))]);
    expect(await readAll(chunked(whole, [7]))).toMatchObject({
      records: withErrors,
      result: { ok: true, format, recordsScanned: 4 },
    });
    const both = await readAll(chunked(members, [64]));
    expect(both.records).toEqual(format === "trail-file" ? [...withErrors, ...withErrors] : withErrors);
  });

  it.each(Object.entries(formats))(
    "reads %s identically in 1-byte chunks and chunks of random sizes",
    async (_, text) => {
      const bytes = utf8(text);
      const whole = await readAll(chunked(bytes));
      const sizes = [[1], [2], [3], [5, 1, 13], [64, 1, 2, 300]];
      for (const size of sizes) {
        const pieces = await readAll(chunked(bytes, size));
        expect(pieces.records, `chunks of ${size.join(", ")}`).toEqual(whole.records);
        expect(pieces.result).toEqual(whole.result);
      }
    },
  );

  it("yields a batch per chunk with running counts and the bytes read so far", async () => {
    const bytes = utf8(formats["json-lines"]);
    const lines = formats["json-lines"]
      .trimEnd()
      .split("\n")
      .map((line) => Buffer.byteLength(line) + 1);
    const { batches } = await readAll(chunked(bytes, lines));
    expect(batches.map((batch) => [batch.bytesRead, batch.recordsScanned, batch.records.length])).toEqual([
      [lines[0], 1, 0],
      [lines[0]! + lines[1]!, 2, 1],
      [lines[0]! + lines[1]! + lines[2]!, 3, 1],
      [bytes.length, 4, 1],
    ]);
  });

  it("counts compressed bytes for gzip", async () => {
    const gzipped = gzipSync(formats["trail-file"]);
    const { batches } = await readAll(chunked(gzipped, [10]));
    expect(batches.at(-1)?.bytesRead).toBe(gzipped.length);
  });

  it("counts and skips malformed records while reading the rest", async () => {
    const broken = [
      '{"eventName":"x","errorCode":"AccessDenied",}',
      JSON.stringify(succeeded),
      '{"errorCode":"AccessDenied","eventName":42}',
      JSON.stringify(denied),
      '"errorCode"',
    ];
    const { records: found, result } = await readAll(chunked(utf8(`{"Records":[${broken.join(",")}]}`), [5]));
    expect(found).toEqual([withErrors[0]]);
    expect(result).toEqual({ ok: true, format: "trail-file", recordsScanned: 5, malformed: 3 });
  });

  it("counts a lookup-events Event whose CloudTrailEvent is not JSON as malformed", async () => {
    const events = [
      { CloudTrailEvent: JSON.stringify(denied) },
      { CloudTrailEvent: '{"errorCode":"AccessDenied"' },
      { CloudTrailEvent: JSON.stringify(succeeded) },
    ];
    const { records: found, result } = await readAll(chunked(utf8(JSON.stringify({ Events: events }))));
    expect(found).toEqual([withErrors[0]]);
    expect(result).toMatchObject({ ok: true, recordsScanned: 3, malformed: 1 });
  });

  it("skips a cut JSON Lines line and reads on", async () => {
    const text = [JSON.stringify(succeeded), JSON.stringify(denied).slice(0, 60), JSON.stringify(throttled), ""].join(
      "\n",
    );
    const { records: found, result } = await readAll(chunked(utf8(text), [16]));
    expect(found).toEqual([withErrors[1]]);
    expect(result).toEqual({ ok: true, format: "json-lines", recordsScanned: 3, malformed: 1 });
  });

  it("reads an empty trail file and an empty array as CloudTrail with no records", async () => {
    for (const [text, format] of [
      ['{"Records":[]}', "trail-file"],
      ["[]", "json-array"],
      ['{"Events":[],"NextToken":null}', "lookup-events"],
    ]) {
      expect((await readAll(chunked(utf8(text!)))).result).toEqual({
        ok: true,
        format,
        recordsScanned: 0,
        malformed: 0,
      });
    }
  });

  it("accepts a UTF-8 byte order mark", async () => {
    const { result } = await readAll(
      chunked(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(formats["trail-file"])]), [1]),
    );
    expect(result).toMatchObject({ ok: true, recordsScanned: 4 });
  });
});
