import { beforeAll, describe, expect, it } from "vitest";
import type { ActionCatalog } from "../iam";
import { loadCatalog } from "../catalog";
import { actionKeys, diagnoseParsed } from "../diagnose";
import { parseDenials } from "../parse";

const TEXTS = {
  ssoCallerOnBucket:
    "User: arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_Dev_0123456789abcdef/alice@example.com is not " +
    'authorized to perform: s3:GetObject on resource: "arn:aws:s3:::shared-data/x.csv" because no resource-based ' +
    "policy allows the s3:GetObject action",
  serviceLinkedOnKey:
    "User: arn:aws:sts::123456789012:assumed-role/AWSServiceRoleForAutoScaling/AutoScaling is not authorized to " +
    "perform: kms:CreateGrant on resource: arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab " +
    "because no resource-based policy allows the kms:CreateGrant action",
  roleByName:
    "User: arn:aws:sts::123456789012:assumed-role/deployer/ci is not authorized to perform: iam:GetRole on " +
    "resource: role deploy-pa-configs because no identity-based policy allows the iam:GetRole action",
  ssoRoleByName:
    "User: arn:aws:sts::123456789012:assumed-role/auditor/ci is not authorized to perform: iam:ListRolePolicies on " +
    "resource: role AWSReservedSSO_Viewer_0123456789abcdef because no identity-based policy allows the " +
    "iam:ListRolePolicies action",
};

let catalog: ActionCatalog;

beforeAll(async () => {
  catalog = await loadCatalog(Object.values(TEXTS).flatMap((text) => actionKeys(parseDenials(text).records)));
});

function topFix(text: string) {
  const finding = diagnoseParsed(parseDenials(text), catalog).findings[0];
  if (!finding) throw new Error("no finding");
  return finding.fix;
}

describe("roles that live under a path their session ARN leaves out", () => {
  it("names an IAM Identity Center role by its aws-reserved path, with its home Region to fill and how to find it", () => {
    const fix = topFix(TEXTS.ssoCallerOnBucket);
    expect(fix.statement?.Principal).toEqual({
      AWS: "arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/<IDENTITY_CENTER_REGION>/AWSReservedSSO_Dev_0123456789abcdef",
    });
    expect(fix.placeholders).toContain("IDENTITY_CENTER_REGION");
    expect(fix.notes).toContainEqual(
      expect.stringContaining("aws iam get-role --role-name AWSReservedSSO_Dev_0123456789abcdef --query Role.Arn"),
    );
  });

  it("names a service-linked role by its aws-service-role path", () => {
    expect(topFix(TEXTS.serviceLinkedOnKey).statement?.Principal).toEqual({
      AWS: "arn:aws:iam::123456789012:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling",
    });
  });

  it("scopes IAM's 'on resource: role <name>' to that role's ARN, without the word 'role'", () => {
    expect(topFix(TEXTS.roleByName).statement?.Resource).toBe("arn:aws:iam::123456789012:role/deploy-pa-configs");
  });

  it("scopes an IAM Identity Center role named as a resource to any Region under its path", () => {
    expect(topFix(TEXTS.ssoRoleByName).statement?.Resource).toBe(
      "arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/*AWSReservedSSO_Viewer_0123456789abcdef",
    );
  });
});
