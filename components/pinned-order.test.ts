import { describe, expect, it } from "vitest";
import { pinnedFirst } from "./pinned-order";

const items = (...keys: string[]) => keys.map((key) => ({ key }));
const keys = (list: { key: string }[]) => list.map((item) => item.key);

describe("pinnedFirst", () => {
  it("is the ranked order when nothing is pinned", () => {
    expect(keys(pinnedFirst(items("b", "a", "c"), []))).toEqual(["b", "a", "c"]);
  });

  it("keeps pinned items on top in their own order when others overtake them", () => {
    expect(keys(pinnedFirst(items("c", "b", "a"), ["a", "b"]))).toEqual(["a", "b", "c"]);
  });

  it("puts a group that arrives later below the pinned ones, however high it ranks", () => {
    expect(keys(pinnedFirst(items("new", "a", "b"), ["a"]))).toEqual(["a", "new", "b"]);
  });

  it("skips a pinned key that is no longer among the items", () => {
    expect(keys(pinnedFirst(items("b", "c"), ["gone", "c"]))).toEqual(["c", "b"]);
  });
});
