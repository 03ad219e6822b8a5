import { describe, expect, it } from "vitest";
import { diagnose } from "./diagnose";

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
      "User: arn:aws:iam::123456789012:user/test is not authorized to perform: sqs:sendmessage on resource: arn:aws:sqs:us-west-2:123456789012:test because no identity-based policy allows the sqs:sendmessage action",
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
    expect(finding?.candidates[0]).toMatchObject({
      layer: "execution-role",
      checks: expect.any(Array),
      fix: expect.any(Object),
    });
    expect(finding?.fix.cli).toContain("aws iam put-user-policy --user-name test");
  });

  it.each(["constructor", "toString", "valueOf"])(
    "treats a service named %s like any unknown service",
    async (service) => {
      const text = `User: arn:aws:sts::123456789012:assumed-role/r/fn is not authorized to perform: ${service}:Get on resource: arn:aws:${service}:us-east-1:123456789012:thing/x because no resource-based policy allows the ${service}:Get action`;
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
      "User: arn:aws:sts::123456789012:assumed-role/r/fn is not authorized to perform: s3:constructor on resource: arn:aws:s3:::b because no identity-based policy allows the s3:constructor action",
    );
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.findings[0]?.fix.statement).toMatchObject({
      Action: "s3:constructor",
      Resource: "arn:aws:s3:::b",
    });
  });
});
