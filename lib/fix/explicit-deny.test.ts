import { beforeAll, describe, expect, it } from "vitest";
import { loadCatalog } from "../catalog";
import { actionKeys, diagnoseParsed } from "../diagnose";
import type { ActionCatalog } from "../iam";
import type { Layer } from "../model";
import { parseDenials } from "../parse";

const denied = (principal: string, action: string, resource: string, tail: string) =>
  `User: ${principal} is not authorized to perform: ${action} on resource: ${resource} with an explicit deny${tail}`;

const ROLE = "arn:aws:sts::123456789012:assumed-role/app-role/worker";
const TEXTS = {
  keyPolicy: denied(
    ROLE,
    "kms:Decrypt",
    "arn:aws:kms:eu-central-1:123456789012:key/k-1",
    " in a resource-based policy",
  ),
  secretPolicy: denied(
    "arn:aws:iam::123456789012:user/test",
    "secretsmanager:DescribeSecret",
    "my-secret",
    " in a resource-based policy",
  ),
  bucketPolicy: denied(ROLE, "s3:GetObject", "arn:aws:s3:::reports/a.csv", " in a resource-based policy"),
  identityPolicy: denied(ROLE, "s3:ListBucket", "arn:aws:s3:::reports", " in an identity-based policy"),
  unnamed: denied(ROLE, "lambda:ListFunctions", "*", ""),
  ssoRole: denied(
    "arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_DataAnalyst_0123456789abcdef/jane@example.com",
    "s3:ListBucket",
    "arn:aws:s3:::reports",
    " in an identity-based policy",
  ),
};

let catalog: ActionCatalog;

beforeAll(async () => {
  catalog = await loadCatalog(Object.values(TEXTS).flatMap((text) => actionKeys(parseDenials(text).records)));
});

function fixOf(text: string, layer: Layer) {
  const finding = diagnoseParsed(parseDenials(text), catalog).findings[0];
  const fix = finding?.candidates.find((candidate) => candidate.layer === layer)?.fix;
  if (!fix) throw new Error(`no ${layer} fix for: ${text}`);
  return fix;
}

describe("an explicit Deny is never fixed with an Allow", () => {
  it.each([
    ["keyPolicy", "kms-key-policy", "aws kms get-key-policy"],
    ["secretPolicy", "resource-policy", "aws secretsmanager get-resource-policy"],
    ["bucketPolicy", "resource-policy", "aws s3api get-bucket-policy"],
    ["identityPolicy", "execution-role", "aws iam list-role-policies --role-name app-role"],
    ["unnamed", "execution-role", "aws iam simulate-principal-policy"],
  ] as const)("%s: the %s fix names the Deny and fetches the policy that holds it", (name, layer, fetch) => {
    const fix = fixOf(TEXTS[name], layer);
    expect(fix.statement).toBeNull();
    expect(fix.additionalStatements).toEqual([]);
    expect(fix.title).toMatch(/Deny/);
    expect(fix.cli).toContain(fetch);
    expect(fix.cli).not.toMatch(/create-grant|put-role-policy|put-user-policy/);
    expect(`${fix.cli}\n${fix.terraform}\n${fix.sam}`).not.toContain('"Effect":"Allow"');
  });

  it("points a key policy's Deny at its Condition, which the call may have to meet", () => {
    expect(fixOf(TEXTS.keyPolicy, "kms-key-policy").notes.join(" ")).toContain("kms:RecipientAttestation");
  });

  it("says how the simulator tells the caller's own Deny from an SCP when AWS named no policy", () => {
    const fix = fixOf(TEXTS.unnamed, "execution-role");
    expect(fix.cli).toContain("OrganizationsDecisionDetail.AllowedByOrganizations");
    expect(fix.notes.join(" ")).toContain("is an SCP");
  });

  it("sends an Identity Center role's Deny to its permission set", () => {
    expect(fixOf(TEXTS.ssoRole, "execution-role").notes.join(" ")).toContain("permission set DataAnalyst");
  });
});
