import { describe, expect, it } from "vitest";
import { doorLabel, doorOf } from "./door";

describe("doorOf", () => {
  it.each([
    [{ layer: "execution-role", kind: "iam-authorization", action: "dynamodb:PutItem" }, "outbound"],
    [{ layer: "resource-policy", kind: "iam-authorization", action: "lambda:InvokeFunction" }, "inbound"],
    [{ layer: "resource-policy", kind: "apigw-invalid-permissions", action: "lambda:InvokeFunction" }, "inbound"],
    [{ layer: "resource-policy", kind: "execute-api-anonymous", action: "execute-api:Invoke" }, "inbound"],
    [{ layer: "resource-policy", kind: "iam-authorization", action: "secretsmanager:GetSecretValue" }, "target"],
    [{ layer: "kms-key-policy", kind: "iam-authorization", action: "kms:Decrypt" }, "target"],
    [{ layer: "trust-policy", kind: "iam-authorization", action: "sts:AssumeRole" }, "target"],
    [{ layer: "trust-policy", kind: "lambda-role-not-assumable", action: "sts:AssumeRole" }, "outbound"],
    [{ layer: "scp", kind: "iam-authorization", action: "s3:GetObject" }, "guardrail"],
    [{ layer: "unknown", kind: "generic-denied", action: "s3:GetObject" }, null],
  ] as const)("%j → %s", (finding, door) => {
    expect(doorOf(finding)).toBe(door);
  });

  it("names the denying door after its layer and the others after what they usually are", () => {
    const denied = { door: "target" as const, layer: "kms-key-policy" as const };
    expect([doorLabel("inbound", denied), doorLabel("outbound", denied), doorLabel("target", denied)]).toEqual([
      "Resource policy",
      "Execution role",
      "KMS key policy",
    ]);
  });
});
