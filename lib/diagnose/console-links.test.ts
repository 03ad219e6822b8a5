import { describe, expect, it } from "vitest";
import { diagnose } from "../catalog";

describe("console links built from a pasted message", () => {
  it("gives no link for the resource ARN with a host in its Region (issue 9)", async () => {
    const result = await diagnose(
      "User: arn:aws:iam::123456789012:user/alice is not authorized to perform: kms:Decrypt on resource: " +
        "arn:aws:kms:evil.example/phish?:123456789012:key/abcd because no resource-based policy allows the kms:Decrypt action",
    );
    if (!result.ok) throw new Error(result.error.message);
    const links = result.value.findings.flatMap((finding) =>
      finding.candidates.map((candidate) => candidate.fix.consoleUrl),
    );
    expect(links.length).toBeGreaterThan(0);
    for (const link of links)
      if (link !== null) expect(new URL(link).hostname).toMatch(/(^|\.)console\.aws\.amazon\.com$/);
    expect(links.filter((link) => link?.includes("evil"))).toEqual([]);
  });

  it("still links a well-formed key to its Region's KMS console", async () => {
    const result = await diagnose(
      "User: arn:aws:iam::123456789012:user/alice is not authorized to perform: kms:Decrypt on resource: " +
        "arn:aws:kms:eu-west-1:123456789012:key/abcd because no resource-based policy allows the kms:Decrypt action",
    );
    if (!result.ok) throw new Error(result.error.message);
    const links = result.value.findings.flatMap((finding) =>
      finding.candidates.map((candidate) => candidate.fix.consoleUrl),
    );
    expect(links).toContain("https://eu-west-1.console.aws.amazon.com/kms/home?region=eu-west-1#/kms/keys/abcd/");
  });
});
