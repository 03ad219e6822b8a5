import { describe, expect, it } from "vitest";
import { checkRegions, globalRegionOf } from "./regions";

describe("checkRegions", () => {
  it("accepts known Regions of the role's partition, trimmed and deduplicated", () => {
    expect(checkRegions([" eu-west-1", "EU-WEST-1", "us-east-1", ""], "aws")).toEqual({
      ok: true,
      value: ["eu-west-1", "us-east-1"],
    });
    expect(checkRegions(["cn-north-1"], "aws-cn")).toEqual({ ok: true, value: ["cn-north-1"] });
  });

  it.each([
    [[], "at least one Region"],
    [["eu-west-9"], '"eu-west-9" is not an AWS Region'],
    [["<script>"], "is not an AWS Region"],
    [["us-gov-west-1"], "aws-us-gov partition but the role is in aws"],
    [Array.from({ length: 11 }, (_, index) => `r${index}`), "at most 10 Regions"],
  ])("refuses %j", (regions, message) => {
    const result = checkRegions(regions, "aws");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain(message);
  });

  it("knows where each partition records its global events", () => {
    expect([
      globalRegionOf("aws"),
      globalRegionOf("aws-us-gov"),
      globalRegionOf("aws-cn"),
      globalRegionOf("aws-iso"),
    ]).toEqual(["us-east-1", "us-gov-west-1", "cn-north-1", null]);
  });
});
