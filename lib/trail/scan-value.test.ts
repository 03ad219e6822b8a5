import { describe, expect, it } from "vitest";
import { beginScan, scanToValueEnd, type ValueScan } from "./scan-value";

function freshScan(): ValueScan {
  const scan = { depth: 0, inString: false, escaped: false, mentionsErr: false };
  beginScan(scan, 0, false);
  return scan;
}

/** Scans `text` in ranges cut at `cuts`, returning where the value closes (or -1) and the final scan. */
function scanInRanges(text: string, cuts: number[]): { end: number; scan: ValueScan } {
  const bytes = Buffer.from(text);
  const scan = freshScan();
  const bounds = [0, ...cuts, bytes.length];
  for (let range = 0; range + 1 < bounds.length; range++) {
    const end = scanToValueEnd(bytes, bounds[range]!, bounds[range + 1]!, scan);
    if (end >= 0) return { end, scan };
  }
  return { end: -1, scan };
}

const TRICKY = String.raw`{"a":"}{][\"\\","b":["\\\\\"}",{"c":"\\"}],"d":"é€😀"}`;

describe("scanToValueEnd", () => {
  it("finds the closing brace past braces, brackets, quotes and backslashes inside strings", () => {
    expect(scanInRanges(`${TRICKY} trailing`, []).end).toBe(Buffer.byteLength(TRICKY) - 1);
    expect(JSON.parse(TRICKY)).toBeTruthy();
  });

  it("gives the same answer wherever the ranges are cut", () => {
    const length = Buffer.byteLength(TRICKY);
    for (let cut = 1; cut < length; cut++) expect(scanInRanges(TRICKY, [cut]).end, `cut at ${cut}`).toBe(length - 1);
    for (let cut = 1; cut + 2 < length; cut++)
      expect(scanInRanges(TRICKY, [cut, cut + 1, cut + 2]).end).toBe(length - 1);
  });

  it("ends a string at depth 0 on its closing quote", () => {
    const scan = freshScan();
    beginScan(scan, 0, true);
    expect(scanToValueEnd(Buffer.from(String.raw`ab\"c\\" rest`), 0, 13, scan)).toBe(7);
  });

  it("reports -1 and keeps its place when the value goes on", () => {
    const { end, scan } = scanInRanges(`{"a":["b\\`, []);
    expect(end).toBe(-1);
    expect(scan).toMatchObject({ depth: 2, inString: true, escaped: true });
  });

  it("notes a string starting with err, as errorCode and errorMessage do", () => {
    expect(scanInRanges(`{"eventName":"x","errorCode":"AccessDenied"}`, []).scan.mentionsErr).toBe(true);
    expect(scanInRanges(`{"eventName":"x","errorMessage":"no"}`, [20]).scan.mentionsErr).toBe(true);
    expect(scanInRanges(`{"eventName":"x","note":"\\"errorCode\\""}`, []).scan.mentionsErr).toBe(false);
    expect(scanInRanges(`{"eventName":"x","events":"err"}`, []).scan.mentionsErr).toBe(true);
  });

  it("counts nesting instead of recursing, however deep", () => {
    const depth = 1_000_000;
    expect(scanInRanges(`${"[".repeat(depth)}${"]".repeat(depth)}`, [depth]).end).toBe(2 * depth - 1);
  });
});
