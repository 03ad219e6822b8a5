import { beforeAll, describe, expect, it } from "vitest";
import type { ActionCatalog } from "../iam";
import { loadCatalog } from "../catalog";
import { actionKeys, diagnoseParsed } from "../diagnose";
import { parseDenials } from "../parse";

const denial = (principal: string): string =>
  `User: ${principal} is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::reports/a.csv ` +
  "because no identity-based policy allows the s3:GetObject action";
const SSO = denial(
  "arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_DataAnalyst_0123456789abcdef/jane@example.com",
);
const USER = denial("arn:aws:iam::111122223333:user/cloud_user");

let catalog: ActionCatalog;
beforeAll(async () => {
  catalog = await loadCatalog([SSO, USER].flatMap((text) => actionKeys(parseDenials(text).records)));
});

function identityFixOf(text: string) {
  const finding = diagnoseParsed(parseDenials(text), catalog).findings[0];
  const fix = finding?.candidates.find((candidate) => candidate.layer === "execution-role")?.fix;
  if (!fix) throw new Error("no identity fix");
  return fix;
}

describe("the identity fix in the caller's terms", () => {
  it("puts an SSO role's statement into its permission set, never onto the role SSO rewrites", () => {
    const fix = identityFixOf(SSO);
    expect(fix.owner).toBe("sso-admin");
    expect(fix.target).toContain('permission set "DataAnalyst"');
    expect(fix.cli).toContain("aws sso-admin put-inline-policy-to-permission-set");
    expect(fix.cli).toContain("--target-id 111122223333");
    expect(fix.cli).not.toContain("put-role-policy");
    expect(fix.terraform).toContain("aws_ssoadmin_permission_set_inline_policy");
    expect(fix.placeholders).toEqual([]);
  });

  it("gives an IAM user a user policy", () => {
    const fix = identityFixOf(USER);
    expect(fix.owner).toBe("you");
    expect(fix.cli).toContain("aws iam put-user-policy --user-name cloud_user");
  });
});
