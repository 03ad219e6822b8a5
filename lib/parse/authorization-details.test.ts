import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { diagnose } from "../catalog";
import { parseDenials } from "./index";

// Shaped field for field on the IAM Toolbox API reference; see cases/SOURCES.md.
const documents = JSON.parse(
  readFileSync(new URL("./cases/authorization-details.json", import.meta.url), "utf8"),
) as Record<"scpExplicitDeny" | "implicitDeny" | "kmsKeyPolicyDeny", unknown>;

const SCP_ARN = "arn:aws:organizations::987654321098:policy/o-qv5af4abcd/service_control_policy/p-2kgnabcd";

async function findingsOf(document: unknown) {
  const result = await diagnose(JSON.stringify(document, null, 2));
  if (!result.ok) throw new Error(result.error.message);
  return result.value.findings;
}

describe("GetRequestAuthorizationDetails output", () => {
  it("reads the statement that evaluated to DENY, not the ones that allowed", () => {
    const [record, ...rest] = parseDenials(JSON.stringify(documents.scpExplicitDeny)).records;
    expect(rest).toEqual([]);
    expect(record).toMatchObject({
      kind: "authorization-details",
      action: "iam:CreateInstanceProfile",
      principal: "arn:aws:iam::123456789012:user/janedoe",
      region: "us-east-1",
      statedPolicyType: "service-control",
      statedReason: "explicit-deny",
      proof: { policyUri: SCP_ARN, statementSid: "DenyInstanceProfileChanges", policiesEvaluated: 2 },
    });
  });

  it("ranks an SCP's explicit deny first, proven by AWS, and points the fix and checks at that SCP", async () => {
    const [finding] = await findingsOf(documents.scpExplicitDeny);
    expect(finding).toMatchObject({
      layer: "scp",
      confidence: 1,
      certainty: { basis: "proven", label: "Proven by AWS" },
    });
    expect(finding?.evidence[0]).toContain('Sid "DenyInstanceProfileChanges"');
    expect(finding?.evidence[0]).toContain(SCP_ARN);
    expect(finding?.fix.target).toBe(`statement "DenyInstanceProfileChanges" of policy ${SCP_ARN}`);
    expect(finding?.fix.cli).toContain("aws organizations update-policy --policy-id p-2kgnabcd");
    expect(finding?.fix.placeholders).not.toContain("SCP_ID");
    expect(finding?.candidates[0].checks[0]?.command).toContain(
      "aws organizations describe-policy --policy-id p-2kgnabcd",
    );
  });

  it("maps a KMS key's resource-based policy to the key policy and skips allowed evaluations", async () => {
    const findings = await findingsOf(documents.kmsKeyPolicyDeny);
    expect(findings.map((finding) => [finding.action, finding.layer, finding.certainty.basis])).toEqual([
      ["kms:Decrypt", "kms-key-policy", "proven"],
    ]);
    expect(findings[0]?.fix.target).toBe('statement "DenyOutsideVpc" of inline policy key-policy-7d1e');
  });

  it("proves no layer for an implicit deny, where AWS lists no matched policy, and says so", async () => {
    const [finding] = await findingsOf(documents.implicitDeny);
    expect(finding).toMatchObject({ action: "s3:GetObject", statedReason: "no-allow", statedPolicyType: null });
    expect(finding?.candidates.map((candidate) => candidate.certainty.basis)).not.toContain("proven");
    expect(finding?.candidates[0].layer).toBe("execution-role");
    expect(finding?.evidence[0]).toContain("IMPLICIT_DENY");
  });

  it("reads an organization policy's type from its ARN when the policies list leaves it out", () => {
    const document = { ...(documents.scpExplicitDeny as object), policies: [] };
    expect(parseDenials(JSON.stringify(document)).records[0]).toMatchObject({ statedPolicyType: "service-control" });
  });

  it("leaves JSON that is not authorization details to the CloudTrail reader", () => {
    expect(parseDenials(JSON.stringify({ evaluations: "none", Records: [] })).records).toEqual([]);
  });
});

const AUTHORIZATION_ID_MESSAGE =
  "User: arn:aws:iam::123456789012:user/janedoe is not authorized to perform: iam:CreateInstanceProfile on " +
  "resource: arn:aws:iam::123456789012:instance-profile/my-instance-profile with an explicit deny in an " +
  "identity-based policy: arn:aws:iam::123456789012:policy/ExampleDenyPolicy. Go to " +
  "https://us-east-1.console.aws.amazon.com/iam/home?region=us-east-1#/authorization-details/EXAMPLE1a2b3c4d5e6f7g8h9i0j " +
  "for complete details, or call the GetRequestAuthorizationDetails API with the following authorization id: " +
  "EXAMPLE1a2b3c4d5e6f7g8h9i0j";

async function toolboxChecksOf(text: string): Promise<string[]> {
  const result = await diagnose(text);
  if (!result.ok) throw new Error(result.error.message);
  return (result.value.findings[0]?.candidates[0].checks ?? [])
    .map((check) => `${check.command}\n${check.description}`)
    .filter((check) => check.startsWith("aws iam-toolbox"));
}

describe("an authorization id in the message", () => {
  it("yields the exact command whose JSON output whydenied reads", async () => {
    const [check] = await toolboxChecksOf(AUTHORIZATION_ID_MESSAGE);
    expect(check?.split("\n")[0]).toBe(
      "aws iam-toolbox get-request-authorization-details --authorization-id EXAMPLE1a2b3c4d5e6f7g8h9i0j --output json",
    );
    expect(check).toContain("Paste the JSON it prints back into whydenied");
  });

  it("never names an id the excerpt cut short", async () => {
    const wrapped = `An error occurred (AccessDenied) when calling the CreateInstanceProfile operation: ${AUTHORIZATION_ID_MESSAGE}`;
    const checks = await toolboxChecksOf(wrapped);
    expect(checks.filter((check) => !check.includes("--authorization-id EXAMPLE1a2b3c4d5e6f7g8h9i0j "))).toEqual([]);
  });
});
