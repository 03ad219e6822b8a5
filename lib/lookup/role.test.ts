import { describe, expect, it } from "vitest";
import { parseRoleTarget } from "./role";

describe("parseRoleTarget", () => {
  it("reads a role ARN, keeping its path", () => {
    expect(parseRoleTarget(" arn:aws:iam::123456789012:role/service-role/orders-api-role ")).toEqual({
      ok: true,
      value: {
        partition: "aws",
        account: "123456789012",
        roleName: "orders-api-role",
        roleArn: "arn:aws:iam::123456789012:role/service-role/orders-api-role",
        sessionName: null,
      },
    });
  });

  it("reads an assumed-role ARN as the role plus its session", () => {
    const result = parseRoleTarget('"arn:aws-cn:sts::123456789012:assumed-role/reports-fn-role/nightly-report"');
    expect(result).toMatchObject({
      ok: true,
      value: {
        partition: "aws-cn",
        roleArn: "arn:aws-cn:iam::123456789012:role/reports-fn-role",
        sessionName: "nightly-report",
      },
    });
  });

  it.each([
    ["", "Enter the ARN of the role"],
    ["orders-api-role", "is not an ARN"],
    ["arn:aws:iam::123456789012:user/alice", "IAM user ARN"],
    ["arn:aws:lambda:us-east-1:123456789012:function:orders-api", "Lambda function ARN"],
    ["arn:aws:iam::XXXXXXXXXXXX:role/app", "not 12 digits"],
    ["arn:aws:s3:::bucket", "is not a role ARN"],
    ["arn:aws:iam::123456789012:role/<script>", "is not a role ARN"],
    ["a".repeat(5000), "too long"],
  ])("refuses %j with a specific message", (input, message) => {
    const result = parseRoleTarget(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe("lookup.bad-arn");
      expect(result.error.message).toContain(message);
    }
  });
});
