import { describe, expect, it } from "vitest";
import { RecordSplitter, type FoundItem } from "./split-records";

interface Split {
  items: string[];
  kinds: string[];
  strays: number;
  end: ReturnType<RecordSplitter["finish"]>;
}

function split(text: string, chunkSizes: number[] = [text.length], maxItemBytes = 1024): Split {
  const result: Split = { items: [], kinds: [], strays: 0, end: { ok: true, format: null } };
  const sink = {
    item: (found: FoundItem) => {
      result.items.push(found.bytes.toString("utf8", found.start, found.end));
      result.kinds.push(found.kind);
      return true;
    },
    stray: () => {
      result.strays++;
      return true;
    },
  };
  const splitter = new RecordSplitter(sink, maxItemBytes);
  const bytes = Buffer.from(text);
  for (let offset = 0, turn = 0; offset < bytes.length; turn++) {
    const size = chunkSizes[turn % chunkSizes.length]!;
    if (splitter.push(bytes.subarray(offset, offset + size))) break;
    offset += size;
  }
  result.end = splitter.finish();
  return result;
}

const A = `{"eventName":"A","x":"}{\\"]"}`;
const B = `{"eventName":"B","errorCode":"AccessDenied","list":[{"y":"[["}]}`;

describe("RecordSplitter", () => {
  it.each([
    ["trail file", `{"Records":[${A},${B}]}`, "trail-file"],
    ["trail files one after another", `{"Records":[${A}]}{"Records":[${B}]}`, "trail-file"],
    ["pretty-printed trail file", `{\n  "Records": [\n    ${A},\n    ${B}\n  ]\n}\n`, "trail-file"],
    ["JSON array", `[${A}, ${B}]`, "json-array"],
    ["JSON array of trail files", `[{"Records":[${A}]},{"Records":[${B}]}]`, "json-array"],
    ["JSON Lines", `${A}\n${B}\n`, "json-lines"],
    ["run of records pasted from inside an array", `${A},\n${B}`, "json-lines"],
    ["JSON Lines of trail files", `{"Records":[${A}]}\n{"Records":[${B}]}\n`, "trail-file"],
    [
      "a single record",
      B.replace(`"eventName":"B",`, "").replace("{", `{"eventName":"A",`).replace(`"A"`, `"B"`),
      "json-lines",
    ],
  ])("finds each record of a %s", (_, text, format) => {
    const { items, end } = split(text);
    expect(end).toEqual({ ok: true, format });
    expect(items.map((item) => (JSON.parse(item) as { eventName: string }).eventName)).toEqual(
      format === "json-lines" && items.length === 1 ? ["B"] : ["A", "B"],
    );
  });

  it("finds lookup-events Events whatever their key order, and skips the other members", () => {
    const event = (record: string) =>
      JSON.stringify({ EventId: "1", CloudTrailEvent: record, Resources: [{ ResourceName: "}" }] });
    for (const text of [
      `{"Events":[${event(A)},${event(B)}],"NextToken":"abc"}`,
      `{"NextToken":"a\\"}","Other":{"Records":[1]},"Events":[${event(A)},${event(B)}]}`,
    ]) {
      const { items, kinds, end } = split(text);
      expect(end).toEqual({ ok: true, format: "lookup-events" });
      expect(kinds).toEqual(["event", "event"]);
      expect(items.map((item) => (JSON.parse(item) as { CloudTrailEvent: string }).CloudTrailEvent)).toEqual([A, B]);
    }
  });

  it("finds the same items wherever the chunks are cut, multi-byte characters included", () => {
    const text = `{"Records":[{"eventName":"é€😀","a":"\\\\"},${A},${B}]}`;
    const whole = split(text);
    for (let size = 1; size <= 9; size++) expect(split(text, [size]), `chunks of ${size}`).toEqual(whole);
    for (let cut = 1; cut < text.length; cut++) expect(split(text, [cut, text.length])).toEqual(whole);
  });

  it("counts values that are not objects where records belong, and goes on", () => {
    const { items, strays, end } = split(`{"Records":[1,"}",null,[{"a":1}],${A},true]}`);
    expect(items).toEqual([A]);
    expect(strays).toBe(5);
    expect(end.ok).toBe(true);
  });

  it("skips a JSON Lines line that does not close, at the next line", () => {
    const { items, strays } = split(`${A}\n{"eventName":"cut", "a":{"b":"c\n${B}\nnot json\n${A}`);
    expect(items).toEqual([A, B, A]);
    expect(strays).toBe(2);
  });

  it("tells the scan when a record's first key is errorCode", () => {
    const found: boolean[] = [];
    const splitter = new RecordSplitter({ item: (item) => found.push(item.mentionsErr) > 0, stray: () => true }, 1024);
    splitter.push(
      Buffer.from(`{"errorCode":"AccessDenied","eventName":"x"}\n{"eventName":"y"}\n{"err":1}\n{"event":"ok"}\n`),
    );
    expect(found).toEqual([true, false, true, false]);
  });

  it("stops at a record larger than the cap", () => {
    const { end } = split(`{"Records":[${A},{"big":"${"x".repeat(2000)}"}]}`, [100]);
    expect(end).toMatchObject({ ok: false, error: { code: "trail.record-too-large" } });
  });

  it("says the data was cut short when it ends inside a value", () => {
    for (const text of [`{"Records":[${A}`, `{"Records":[${A},{"eventName":"x`, `[${A}`, `{"Events":[`, `{"Rec`]) {
      expect(split(text).end, text).toMatchObject({ ok: false, error: { code: "trail.truncated" } });
    }
  });

  it("counts nesting instead of recursing, however deep", () => {
    const deep = `${"[".repeat(200_000)}${"]".repeat(200_000)}`;
    expect(split(`{"Records":[${deep},${A}]}`, [4096], 1e6)).toMatchObject({ items: [A], strays: 1 });
    expect(split(`{"Records":[{"a":${deep}}]}`, [4096], 1e6).items).toHaveLength(1);
  });
});
