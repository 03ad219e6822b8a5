import { describe, expect, it } from "vitest";
import { consoleUrl, isRegionOf } from "./console-url";

describe("consoleUrl", () => {
  it("links to each partition's console, regional or global", () => {
    expect(consoleUrl({ partition: "aws", region: "eu-west-1" }, "/kms/home")).toBe(
      "https://eu-west-1.console.aws.amazon.com/kms/home",
    );
    expect(consoleUrl({ partition: "aws-cn", region: "cn-north-1" }, "/kms/home")).toBe(
      "https://cn-north-1.console.amazonaws.cn/kms/home",
    );
    expect(consoleUrl({ partition: "aws-us-gov" }, "/iam/home")).toBe("https://console.amazonaws-us-gov.com/iam/home");
    expect(consoleUrl({ partition: "aws", s3: true }, "/s3/buckets/logs")).toBe(
      "https://s3.console.aws.amazon.com/s3/buckets/logs",
    );
  });

  it.each([
    ["a host in the Region", { partition: "aws", region: "evil.example/phish?" }],
    ["a Region with a dot", { partition: "aws", region: "eu-west-1.evil.example" }],
    ["a placeholder Region", { partition: "aws", region: "<REGION>" }],
    ["an empty Region", { partition: "aws", region: "" }],
    ["an unknown partition", { partition: "evil.example#", region: "eu-west-1" }],
    ["an inherited property as partition", { partition: "constructor" }],
    ["a China Region in the aws partition", { partition: "aws", region: "cn-north-1" }],
    ["a commercial Region in GovCloud", { partition: "aws-us-gov", region: "us-east-1" }],
  ])("gives no link for %s", (_, place) => {
    expect(consoleUrl(place, "/kms/home")).toBeNull();
  });

  it("gives no link for a path that could change the host", () => {
    expect(consoleUrl({ partition: "aws" }, "@evil.example/")).toBeNull();
  });
});

describe("isRegionOf", () => {
  it.each([
    ["aws", "ap-southeast-5", true],
    ["aws-us-gov", "us-gov-west-1", true],
    ["aws", "eu-west-10", false],
    ["aws", "EU-WEST-1", false],
  ])("%s %s → %s", (partition, region, expected) => {
    expect(isRegionOf(partition, region)).toBe(expected);
  });
});
