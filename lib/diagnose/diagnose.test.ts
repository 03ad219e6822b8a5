import { describe, expect, it } from "vitest";
import { findingSchema } from "../wire";
import { diagnose } from "../catalog";

describe("diagnose", () => {
  it("rejects whitespace and oversized input with specific codes", async () => {
    expect(await diagnose("  \n ")).toMatchObject({ ok: false, error: { code: "input.empty" } });
    expect(await diagnose("a".repeat(256 * 1024 + 1))).toMatchObject({ ok: false, error: { code: "input.too-large" } });
    expect((await diagnose("a".repeat(256 * 1024))).ok).toBe(true);
  });

  it("finds nothing in binary garbage without throwing", async () => {
    const garbage = String.fromCharCode(...Array.from({ length: 4096 }, (_, index) => (index * 7919) % 256));
    expect(await diagnose(garbage)).toMatchObject({ ok: true, value: { findings: [] } });
  });

  it("returns the documented finding shape with a canonical action", async () => {
    const result = await diagnose(
      "User: arn:aws:iam::123456789012:user/test is not authorized to perform: sqs:sendmessage on " +
        "resource: arn:aws:sqs:us-west-2:123456789012:test because no identity-based policy allows the " +
        "sqs:sendmessage action",
    );
    if (!result.ok) throw new Error(result.error.message);
    const [finding] = result.value.findings;
    expect(finding).toMatchObject({
      layer: "execution-role",
      service: "sqs",
      action: "sqs:SendMessage",
      statedPolicyType: "identity-based",
    });
    expect(finding?.evidence.length).toBeGreaterThan(0);
    expect(finding?.candidates[0].layer).toBe("execution-role");
    expect(finding?.candidates[0].checks.length).toBeGreaterThan(0);
    expect(finding?.candidates[0].fix.layer).toBe("execution-role");
    expect(finding?.fix.cli).toContain("aws iam put-user-policy --user-name test");
  });

  it.each(["constructor", "toString", "valueOf"])(
    "treats a service named %s like any unknown service",
    async (service) => {
      const text =
        `User: arn:aws:sts::123456789012:assumed-role/r/fn is not authorized to perform: ${service}:Get on ` +
        `resource: arn:aws:${service}:us-east-1:123456789012:thing/x because no resource-based policy allows ` +
        `the ${service}:Get action`;
      const result = await diagnose(text);
      if (!result.ok) throw new Error(result.error.message);
      const [finding] = result.value.findings;
      expect(finding).toMatchObject({ layer: "resource-policy", action: `${service.toLowerCase()}:Get` });
      expect(finding?.candidates[0]?.checks[0]?.command).toContain("# Open the");
      expect(typeof finding?.fix.cli).toBe("string");
    },
  );

  it("does not take an action named after an Object.prototype member for a real one", async () => {
    const result = await diagnose(
      "User: arn:aws:sts::123456789012:assumed-role/r/fn is not authorized to perform: s3:constructor on " +
        "resource: arn:aws:s3:::b because no identity-based policy allows the s3:constructor action",
    );
    if (!result.ok) throw new Error(result.error.message);
    const fix = result.value.findings[0]?.fix;
    expect(fix?.statement).toBeNull();
    expect(fix?.notes[0]).toContain("s3:constructor is not an action in the IAM reference data");
  });

  it("shapes a finding in the wire schema's field order, its denial fields projected from the record", async () => {
    const result = await diagnose(
      "User: arn:aws:sts::123456789012:assumed-role/r/fn is not authorized to perform: sqs:SendMessage on resource: " +
        "arn:aws:sqs:us-east-1:123456789012:q because no identity-based policy allows the sqs:SendMessage action",
    );
    if (!result.ok) throw new Error(result.error.message);
    const [finding] = result.value.findings;
    expect(Object.keys(finding ?? {})).toEqual(Object.keys(findingSchema.shape));
    expect(Object.keys(finding?.candidates[0] ?? {})).toEqual([
      "layer",
      "confidence",
      "why",
      "checks",
      "fix",
      "certainty",
    ]);
    expect(finding).toMatchObject({
      service: "sqs",
      action: "sqs:SendMessage",
      principal: "arn:aws:sts::123456789012:assumed-role/r/fn",
      resource: "arn:aws:sqs:us-east-1:123456789012:q",
      region: "us-east-1",
      account: "123456789012",
      statedPolicyType: "identity-based",
      statedReason: "no-allow",
      kind: "iam-authorization",
      occurrences: 1,
      event: null,
    });
  });

  it("says 'Stated by AWS' only of the layer AWS named, not of its runner-up", async () => {
    const result = await diagnose(
      "User: arn:aws:sts::123456789012:assumed-role/r/fn is not authorized to perform: secretsmanager:GetSecretValue " +
        "on resource: arn:aws:secretsmanager:us-east-1:444455556666:secret:s-AbCdEf " +
        "because no resource-based policy allows the secretsmanager:GetSecretValue action",
    );
    if (!result.ok) throw new Error(result.error.message);
    const [finding] = result.value.findings;
    expect(finding?.certainty).toEqual({ basis: "stated", label: "Stated by AWS" });
    expect(finding?.candidates.map((candidate) => candidate.certainty)).toEqual([
      { basis: "stated", label: "Stated by AWS" },
      { basis: "inferred", label: "Best guess · 15%" },
    ]);
  });

  it("gives a percentage where AWS named no policy type", async () => {
    const result = await diagnose(
      "An error occurred (AccessDenied) when calling the ListObjectsV2 operation: Access Denied",
    );
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.findings[0]?.certainty).toEqual({ basis: "inferred", label: "Best guess · 43%" });
  });
});

describe("the IAM Access Troubleshooter's authorization id", () => {
  it("yields the exact command even when the id stands past the excerpt", async () => {
    const id = "example1a2b3c4d5e6f7g8h9i0j";
    const text =
      "An error occurred (AccessDenied) when calling the CreateInstanceProfile operation: " +
      "User: arn:aws:iam::123456789012:user/janedoe is not authorized to perform: iam:CreateInstanceProfile " +
      "on resource: arn:aws:iam::123456789012:instance-profile/my-instance-profile with an explicit deny in an " +
      "identity-based policy: arn:aws:iam::123456789012:policy/ExampleDenyPolicy. Go to " +
      `https://us-east-1.console.aws.amazon.com/iam/home?region=us-east-1#/authorization-details/${id} for complete ` +
      `details, or call the GetRequestAuthorizationDetails API with the following authorization id: ${id}`;
    const result = await diagnose(`${"x".repeat(700)}\n${text}`);
    if (!result.ok) throw new Error(result.error.message);
    const commands = result.value.findings[0]?.candidates.flatMap((candidate) =>
      candidate.checks.map((c) => c.command),
    );
    expect(commands).toContain(
      `aws iam-toolbox get-request-authorization-details --authorization-id ${id} --output json`,
    );
  });
});
