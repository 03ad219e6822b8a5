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
    expect(finding).toMatchObject({ layer: "execution-role", service: "sqs", action: "sqs:SendMessage", statedPolicyType: "identity-based" });
    expect(finding?.evidence.length).toBeGreaterThan(0);
    expect(finding?.candidates[0]).toMatchObject({ layer: "execution-role", checks: expect.any(Array), fix: expect.any(Object) });
    expect(finding?.fix.cli).toContain("aws iam put-user-policy --user-name test");
  });
});
