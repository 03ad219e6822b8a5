import { describe, expect, it } from "vitest";
import { certaintyOf } from "./certainty";

describe("certaintyOf", () => {
  it.each([
    ["proven", 1, "Proven by AWS"],
    ["stated", 0.95, "Stated by AWS"],
    ["stated", 0.8, "Stated by AWS"],
    ["inferred", 0.85, "Likely · 85%"],
    ["inferred", 0.6, "Likely · 60%"],
    ["inferred", 0.55, "Best guess · 55%"],
    ["inferred", 0.15, "Best guess · 15%"],
  ] as const)("%s at %d reads %s", (basis, confidence, label) => {
    expect(certaintyOf(basis, confidence)).toEqual({ basis, label });
  });
});
