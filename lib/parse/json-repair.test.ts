import { describe, expect, it } from "vitest";
import { closeCutJson } from "./json-repair";

describe("closing JSON cut off before its end", () => {
  it("keeps the members completed before the cut and closes what was open", () => {
    expect(closeCutJson('{"Records": [{"a": 1, "b": {"c": "x"}, "d": "cut her')).toBe(
      '{"Records": [{"a": 1, "b": {"c": "x"}}]}',
    );
  });

  it("ignores brackets and quotes inside strings, and drops a value the cut may have shortened", () => {
    expect(closeCutJson('{"m": "a } ] \\" {", "n": [12')).toBe('{"m": "a } ] \\" {", "n": []}');
  });

  it("leaves alone text with nothing open, or nested deeper than a record", () => {
    expect(closeCutJson('{"a": 1}')).toBeNull();
    expect(closeCutJson("not json")).toBeNull();
    expect(closeCutJson("[".repeat(40))).toBeNull();
  });
});
