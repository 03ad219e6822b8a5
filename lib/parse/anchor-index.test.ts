import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anchorSet, includesAny } from "./anchors";

/** Few letters, so anchors overlap, share prefixes and suffixes, and occur in each other: the automaton's hard cases. */
const word = fc.string({ unit: fc.constantFrom("a", "b", "c", "│", "é"), minLength: 1, maxLength: 5 });

describe("the anchor index", () => {
  it("answers as one includes per anchor would, for every set, on any text", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(word, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.string({ unit: fc.constantFrom("a", "b", "c", "│", "é", " "), maxLength: 40 }), { maxLength: 4 }),
        (sets, texts) => {
          const registered = sets.map((anchors) => anchorSet(...anchors));
          for (const text of texts)
            for (const set of registered)
              expect(includesAny(text, set)).toBe(set.anchors.some((anchor) => text.includes(anchor)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("finds an anchor that ends inside a longer one it failed to complete", () => {
    const long = anchorSet("is not authorized to perform");
    const short = anchorSet("authorized t", "perform:");
    const text = "User: bob is not authorized t";
    expect(includesAny(text, long)).toBe(false);
    expect(includesAny(text, short)).toBe(true);
  });

  it("answers again after new anchors join the index", () => {
    const first = anchorSet("Throttling");
    expect(includesAny("ThrottlingException: Rate exceeded", first)).toBe(true);
    const later = anchorSet("Rate exceeded");
    expect(includesAny("ThrottlingException: Rate exceeded", later)).toBe(true);
    expect(includesAny("ThrottlingException: Rate exceeded", first)).toBe(true);
  });

  it("refuses an empty anchor, which every text would contain", () => {
    expect(() => anchorSet("")).toThrow(/must not be empty/);
  });
});
