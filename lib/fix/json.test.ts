import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compactJson, prettyJson } from "./json";
import { quote } from "./prepared";

/** JSON values with the strings JSON.stringify escapes: quotes, backslashes, control characters, lone surrogates. */
const jsonValues = fc
  .jsonValue({ maxDepth: 4 })
  .chain((value) => fc.constantFrom(value, { Sid: 'a"b\\c\u0001\ud800', Resource: [value, "x"], Empty: {}, None: [] }));

describe("JSON text of plain values", () => {
  it("writes what JSON.stringify writes, compact and indented", () => {
    fc.assert(
      fc.property(jsonValues, (value) => {
        expect(compactJson(value)).toBe(JSON.stringify(value));
        expect(prettyJson(value)).toBe(JSON.stringify(value, null, 2));
      }),
    );
  });

  it("leaves out undefined members and writes undefined array items as null, as JSON.stringify does", () => {
    const value = { a: undefined, b: [undefined, 1, -0], c: { d: undefined }, e: false };
    expect(compactJson(value)).toBe(JSON.stringify(value));
    expect(prettyJson(value)).toBe(JSON.stringify(value, null, 2));
  });

  it("quotes a string as JSON.stringify does", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        expect(quote(text)).toBe(JSON.stringify(text));
      }),
    );
  });
});
