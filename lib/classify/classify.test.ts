import { describe, expect, it } from "vitest";
import { parseDenials } from "../parse";
import { subjectOf } from "../iam";
import { checksFor } from "./checks";
import { classify } from "./index";

function classifyText(text: string) {
  const [record] = parseDenials(text).records;
  if (!record) throw new Error(`no denial in: ${text}`);
  return classify(record);
}

const sentence = (action: string, resource: string, reason: string) =>
  `User: arn:aws:sts::123456789012:assumed-role/app-role/app-fn is not authorized to perform: ${action} on resource: ${resource} ${reason}`;

describe("classify", () => {
  it.each([
    [
      "kms identity-based → execution role",
      sentence(
        "kms:Decrypt",
        "arn:aws:kms:us-east-1:123456789012:key/k",
        "because no identity-based policy allows the kms:Decrypt action",
      ),
      "execution-role",
    ],
    [
      "kms resource-based → key policy",
      sentence(
        "kms:Decrypt",
        "arn:aws:kms:us-east-1:123456789012:key/k",
        "because no resource-based policy allows the kms:Decrypt action",
      ),
      "kms-key-policy",
    ],
    [
      "invoke resource-based → resource policy",
      sentence(
        "lambda:InvokeFunction",
        "arn:aws:lambda:us-east-1:123456789012:function:f",
        "because no resource-based policy allows the lambda:InvokeFunction action",
      ),
      "resource-policy",
    ],
    ["SCP", sentence("s3:GetObject", "arn:aws:s3:::b/k", "with an explicit deny in a service control policy"), "scp"],
    [
      "boundary",
      sentence("s3:GetObject", "arn:aws:s3:::b/k", "because no permissions boundary allows the s3:GetObject action"),
      "permissions-boundary",
    ],
    [
      "trust",
      sentence(
        "sts:AssumeRole",
        "arn:aws:iam::123456789012:role/x",
        "because no role trust policy allows the sts:AssumeRole action",
      ),
      "trust-policy",
    ],
    [
      "API Gateway",
      "Execution failed due to configuration error: Invalid permissions on Lambda function",
      "resource-policy",
    ],
    ["role not assumable", "The role defined for the function cannot be assumed by Lambda.", "trust-policy"],
  ])("%s", (_name, text, layer) => {
    const { candidates } = classifyText(text);
    expect(candidates[0]?.layer).toBe(layer);
  });

  it("lets AWS's stated type win with high confidence", () => {
    const { candidates, evidence } = classifyText(
      sentence(
        "dynamodb:PutItem",
        "arn:aws:dynamodb:eu-west-1:123456789012:table/T",
        "because no identity-based policy allows the dynamodb:PutItem action",
      ),
    );
    expect(candidates[0]?.confidence).toBeGreaterThanOrEqual(0.9);
    expect(evidence.join(" ")).toContain('session "app-fn" of role "app-role"');
  });

  it("ranks several candidates for a bare S3 Access Denied, with filled-in checks", () => {
    const { candidates } = classifyText(sentence("s3:GetObject", "arn:aws:s3:::my-bucket/k.json", ""));
    const bare = classifyText(
      "An error occurred (AccessDenied) when calling the ListObjectsV2 operation: Access Denied",
    ).candidates;
    for (const list of [candidates, bare]) {
      expect(list.length).toBeGreaterThan(1);
      const confidences = list.map((candidate) => candidate.confidence);
      expect([...confidences].sort((a, b) => b - a)).toEqual(confidences);
      expect(confidences.reduce((sum, value) => sum + value, 0)).toBeLessThanOrEqual(1.0001);
      for (const candidate of list) expect(candidate.checks.length).toBeGreaterThan(0);
    }
    const bucketCheck = candidates.find((candidate) => candidate.layer === "resource-policy")?.checks[0]?.command;
    expect(bucketCheck).toBe("aws s3api get-bucket-policy --bucket my-bucket --query Policy --output text");
    const simulate = candidates.find((candidate) => candidate.layer === "execution-role")?.checks[0]?.command;
    expect(simulate).toContain("--policy-source-arn arn:aws:iam::123456789012:role/app-role");
  });

  it("adds the caller's side for cross-account resource-policy denials", () => {
    const text = sentence(
      "secretsmanager:GetSecretValue",
      "arn:aws:secretsmanager:us-east-1:444455556666:secret:s-AbCdEf",
      "because no resource-based policy allows the secretsmanager:GetSecretValue action",
    );
    expect(classifyText(text).candidates.map((candidate) => candidate.layer)).toEqual([
      "resource-policy",
      "execution-role",
    ]);
  });
});

describe("checks", () => {
  it("adds the decode step to every candidate when EC2 gave an encoded message", () => {
    const text =
      "You are not authorized to perform this operation. User: arn:aws:sts::123456789012:assumed-role/r/s " +
      "is not authorized to perform: ec2:RunInstances on resource: " +
      "arn:aws:ec2:us-east-1:123456789012:instance/* because no identity-based policy allows the " +
      "ec2:RunInstances action. Encoded authorization failure message: AbC123";
    const { candidates } = classifyText(text);
    for (const candidate of candidates)
      expect(candidate.checks.map((check) => check.command).join("\n")).toContain(
        "aws sts decode-authorization-message --encoded-message 'AbC123'",
      );
  });

  it("points data-event denials at trail files, not lookup-events", () => {
    const [record] = parseDenials(
      "An error occurred (AccessDenied) when calling the GetObject operation: Access Denied",
    ).records;
    if (!record) throw new Error("no denial");
    const [check] = checksFor("unknown", record, subjectOf(record));
    expect(check?.description).toContain("s3:GetObject is a data event");
    expect(check?.command).toMatch(/^aws s3 cp s3:\/\/<TRAIL_BUCKET>\/AWSLogs\//);
  });

  it("walks up the OUs for SCPs and names the account that owns a trusted role", () => {
    const scp = classifyText(
      sentence("s3:GetObject", "arn:aws:s3:::b/k", "with an explicit deny in a service control policy"),
    ).candidates[0];
    expect(scp.checks[0]?.command).toContain("aws organizations list-parents --child-id 123456789012");
    const trust = classifyText(
      sentence(
        "sts:AssumeRole",
        "arn:aws:iam::444455556666:role/billing-reader",
        "because no role trust policy allows the sts:AssumeRole action",
      ),
    ).candidates[0];
    expect(trust.checks[0]?.description).toContain("account 444455556666");
  });
});

describe("classify: callers in their own terms", () => {
  it("puts an anonymous caller's explicit Deny on an API in the API's resource policy, never in a role or an SCP", () => {
    const { candidates } = classifyText(
      "User: anonymous is not authorized to perform: execute-api:Invoke on resource: " +
        "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/items with an explicit deny",
    );
    expect(candidates.map((candidate) => candidate.layer)).toEqual(["resource-policy"]);
  });

  const assumeRole = (caller: string, role: string) =>
    `User: ${caller} is not authorized to perform: sts:AssumeRole on resource: ${role}`;

  it("same-account AssumeRole does not say the caller also needs sts:AssumeRole in its own policy", () => {
    const { candidates } = classifyText(
      assumeRole("arn:aws:iam::123456789012:user/dev", "arn:aws:iam::123456789012:role/deploy"),
    );
    expect(candidates[0].why).toContain("a trust policy naming the caller's ARN is enough on its own");
    expect(candidates.map((candidate) => candidate.why).join(" ")).not.toContain("also needs");
  });

  it("AssumeRole lists a role that is still propagating, and never for an explicit Deny", () => {
    const { candidates } = classifyText(
      assumeRole("arn:aws:iam::123456789012:user/dev", "arn:aws:iam::123456789012:role/deploy"),
    );
    expect(candidates.at(-1)).toMatchObject({ layer: "propagation-delay", confidence: 0.05 });
    const denied = classifyText(
      "User: arn:aws:iam::123456789012:user/dev is not authorized to perform: sts:AssumeRole on resource: " +
        "arn:aws:iam::123456789012:role/deploy with an explicit deny in a service control policy",
    );
    expect(denied.candidates.map((candidate) => candidate.layer)).not.toContain("propagation-delay");
  });

  it("cross-account AssumeRole needs both sides", () => {
    const { candidates } = classifyText(
      assumeRole("arn:aws:iam::111122223333:user/dev", "arn:aws:iam::444455556666:role/deploy"),
    );
    expect(candidates.find((candidate) => candidate.layer === "execution-role")?.why).toContain(
      "Across accounts both sides must allow it",
    );
  });

  it("a bare 'with an explicit deny' ranks the places a Deny lives, never a missing Allow", () => {
    const { candidates } = classifyText(
      sentence("eks:DescribeCluster", "arn:aws:eks:eu-west-1:123456789012:cluster/prod", "with an explicit deny"),
    );
    expect(candidates.map((candidate) => candidate.layer)).toEqual(
      expect.arrayContaining(["execution-role", "scp", "permissions-boundary", "session-policy"]),
    );
    expect(candidates[0].why).toContain("a Deny matched but not where");
  });

  it("a key policy's explicit Deny stands alone: no IAM policy can override it", () => {
    const { candidates } = classifyText(
      sentence(
        "kms:Decrypt",
        "arn:aws:kms:eu-central-1:123456789012:key/k",
        "with an explicit deny in a resource-based policy",
      ),
    );
    expect(candidates.map((candidate) => candidate.layer)).toEqual(["kms-key-policy"]);
    // A grant cannot lift a Deny either, so listing grants would check nothing.
    expect(candidates[0].checks.map((check) => check.command).join(" ")).not.toContain("list-grants");
  });

  it("an unnamed Deny leads with no confident guess, names the check that tells SCP from the caller's own Deny", () => {
    const { candidates } = classifyText(sentence("lambda:ListFunctions", "*", "with an explicit deny"));
    expect(candidates.map((candidate) => candidate.layer).slice(0, 2)).toEqual(["scp", "execution-role"]);
    expect(candidates[0].confidence).toBeLessThanOrEqual(0.4);
    expect(candidates[1]?.why).toContain("simulate-principal-policy");
    // ListFunctions on "*" names no resource that could hold a policy.
    expect(candidates.map((candidate) => candidate.layer)).not.toContain("resource-policy");
  });

  it.each([
    ["arn:aws:iam::111122223333:user/deployer", "arn:aws:iam::111122223333:role/devops"],
    ["arn:aws:sts::111122223333:assumed-role/ci/GitHubActions", "arn:aws:iam::444455556666:role/invalidator"],
  ])("sts:TagSession by %s leads with the role's trust policy", (caller, role) => {
    const { candidates } = classifyText(
      `User: ${caller} is not authorized to perform: sts:TagSession on resource: ${role}`,
    );
    expect(candidates[0]).toMatchObject({ layer: "trust-policy" });
    expect(candidates[0].why).toContain("sts:TagSession in the role's trust policy");
  });

  it.each([
    ["the root user", "arn:aws:iam::111122223333:root"],
    ["a role", "arn:aws:sts::111122223333:assumed-role/ci/build"],
  ])("%s of another account pushing to a repository: the repository policy leads, SCP trails", (_who, caller) => {
    const { candidates } = classifyText(
      `denied: User: ${caller} is not authorized to perform: ecr:InitiateLayerUpload on resource: ` +
        "arn:aws:ecr:us-west-2:444455556666:repository/app",
    );
    const layers = candidates.map((candidate) => candidate.layer);
    expect(layers[0]).toBe("resource-policy");
    expect(layers.indexOf("scp")).toBeGreaterThan(0);
  });

  it.each([
    ["123456789012", "execution-role"],
    ["444455556666", "resource-policy"],
  ])("lambda:InvokeFunction of a function in account %s ranks %s first", (account, layer) => {
    const { candidates } = classifyText(
      sentence("lambda:InvokeFunction", `arn:aws:lambda:eu-west-1:${account}:function:orders`, ""),
    );
    expect(candidates[0].layer).toBe(layer);
  });

  it("lambda:InvokeFunction with neither account known ranks the caller's policy first, the function's second", () => {
    const { candidates } = classifyText(
      "User: $user_arn is not authorized to perform: lambda:InvokeFunction on resource: $function_arn",
    );
    expect(candidates.map((candidate) => candidate.layer)).toEqual(["execution-role", "resource-policy"]);
  });

  it("Bedrock's 'Your account is not authorized' leads with the account's model access, not a policy", () => {
    const { candidates } = classifyText(
      "An error occurred (AccessDeniedException) when calling the InvokeModel operation: Your account is not authorized to invoke this API operation.",
    );
    expect(candidates[0]).toMatchObject({ layer: "account-setting" });
    expect(candidates[0].why).toContain("model access is granted per Region");
  });

  it.each([
    ["123456789012", ["execution-role", "kms-key-policy"]],
    ["444455556666", ["kms-key-policy", "execution-role"]],
  ])(
    "a KMS denial with no reason on a key of account %s ranks %j, never a generic resource policy",
    (account, layers) => {
      const { candidates } = classifyText(
        sentence("kms:Decrypt", `arn:aws:kms:us-east-1:${account}:key/1234abcd-12ab-34cd-56ef-1234567890ab`, ""),
      );
      expect(candidates.slice(0, 2).map((candidate) => candidate.layer)).toEqual(layers);
      expect(candidates.map((candidate) => candidate.layer)).not.toContain("resource-policy");
    },
  );

  it("Secrets Manager's 'Access to KMS is not allowed' is a kms:Decrypt denial on the secret's key", () => {
    const { candidates } = classifyText("AccessDeniedException: Access to KMS is not allowed");
    expect(candidates.map((candidate) => candidate.layer)).toEqual(
      expect.arrayContaining(["execution-role", "kms-key-policy"]),
    );
  });

  it("an AWS service principal gets the target's resource policy, never an identity policy or an SCP", () => {
    const { candidates } = classifyText(
      "sns.amazonaws.com is not authorized to perform: sqs:SendMessage on resource: arn:aws:sqs:us-west-2:123456789012:orders",
    );
    expect(candidates.map((candidate) => candidate.layer)).toEqual(["resource-policy"]);
  });

  it("the root user gets no identity-policy candidate", () => {
    const { candidates } = classifyText(
      "User: arn:aws:iam::123456789012:root is not authorized to perform: s3:PutBucketPolicy on resource: arn:aws:s3:::logs",
    );
    const layers = candidates.map((candidate) => candidate.layer);
    expect(layers.slice(0, 2)).toEqual(["scp", "resource-policy"]);
    expect(layers).not.toContain("execution-role");
    expect(layers).not.toContain("permissions-boundary");
    expect(candidates[0].why).toContain("The root user cannot be limited by IAM policies");
  });

  it("an SSO role is checked on its permission set, never with list-role-policies on the role", () => {
    const { candidates } = classifyText(
      "User: arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_DevOps_0123456789abcdef/jane@example.com is not " +
        "authorized to perform: iam:GetRole on resource: arn:aws:iam::123456789012:role/app because no " +
        "identity-based policy allows the iam:GetRole action",
    );
    const commands = candidates[0].checks.map((check) => check.command).join("\n");
    expect(commands).toContain("aws sso-admin get-inline-policy-for-permission-set");
    expect(commands).not.toContain("list-role-policies");
    expect(candidates[0].checks[1]?.description).toContain("permission set DevOps");
  });

  it("a transitive deny ranks the policy it went through first, as stated", () => {
    const { candidates } = classifyText(
      sentence(
        "sns:Publish",
        "arn:aws:sns:us-east-1:444455556666:alerts",
        "with an explicit deny in a VPC endpoint policy transitively through a service control policy",
      ),
    );
    expect(candidates.map((candidate) => [candidate.layer, candidate.basis])).toEqual([
      ["scp", "stated"],
      ["vpc-endpoint-policy", "inferred"],
    ]);
  });

  it("a KMS key's resource-based denial keeps the caller's policy as runner-up (key policies delegate to IAM)", () => {
    const { candidates } = classifyText(
      sentence(
        "kms:DescribeKey",
        "arn:aws:kms:us-east-1:123456789012:key/k",
        "because no resource-based policy allows the kms:DescribeKey action",
      ),
    );
    expect(candidates.map((candidate) => candidate.layer)).toEqual(["kms-key-policy", "execution-role"]);
  });
});
