import { describe, expect, it } from "vitest";
import { isRoleDenial } from "./filter";
import type { RoleTarget } from "./role";
import { roleRecord } from "./testing/records";

const target: RoleTarget = {
  partition: "aws",
  account: "123456789012",
  roleName: "orders-api-role",
  roleArn: "arn:aws:iam::123456789012:role/service-role/orders-api-role",
  sessionName: null,
};
const base = { id: "e", time: "2026-11-23T00:00:00Z" };

describe("isRoleDenial", () => {
  it("keeps the role's denials, whatever its session, and ignores its successes", () => {
    expect(isRoleDenial(roleRecord({ ...base, role: "orders-api-role", session: "orders-api" }), target)).toBe(true);
    expect(
      isRoleDenial(roleRecord({ ...base, role: "Orders-Api-Role", session: "awslambda_744_20261123" }), target),
    ).toBe(true);
    expect(
      isRoleDenial(roleRecord({ ...base, role: "orders-api-role", session: "orders-api", errorCode: null }), target),
    ).toBe(false);
  });

  it("ignores other roles, including ones whose name starts the same", () => {
    expect(isRoleDenial(roleRecord({ ...base, role: "orders-api-role-2", session: "x" }), target)).toBe(false);
    expect(isRoleDenial(roleRecord({ ...base, role: "billing-sync-role", session: "billing-sync" }), target)).toBe(
      false,
    );
  });

  it("ignores errors that are not denials", () => {
    expect(
      isRoleDenial(
        roleRecord({
          ...base,
          role: "orders-api-role",
          session: "orders-api",
          errorCode: "ThrottlingException",
          errorMessage: "Rate exceeded",
        }),
        target,
      ),
    ).toBe(false);
  });

  it("matches by the session ARN when the record has no session issuer", () => {
    const record = roleRecord({ ...base, role: "orders-api-role", session: "orders-api" });
    delete record.userIdentity?.sessionContext;
    expect(isRoleDenial(record, target)).toBe(true);
  });

  it("keeps a refusal to assume the role: its trust policy is in question", () => {
    const assume = roleRecord({
      ...base,
      role: "ci-role",
      session: "gha-1",
      eventSource: "sts.amazonaws.com",
      eventName: "AssumeRole",
      errorMessage:
        "User: arn:aws:sts::123456789012:assumed-role/ci-role/gha-1 is not authorized to perform: sts:AssumeRole " +
        "on resource: arn:aws:iam::123456789012:role/orders-api-role",
      requestParameters: { roleArn: "arn:aws:iam::123456789012:role/orders-api-role", roleSessionName: "x" },
    });
    expect(isRoleDenial(assume, target)).toBe(true);
  });
});
