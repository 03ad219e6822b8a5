import { describe, expect, it } from "vitest";
import { callerOf, permissionSetOf } from "./caller";

const BUCKET = "arn:aws:s3:::reports/2026/01.csv";
const KEY = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

describe("callerOf", () => {
  it.each([
    [
      "arn:aws:sts::111122223333:assumed-role/image-resizer-role/image-resizer",
      BUCKET,
      "lambda-function",
      "image-resizer",
    ],
    [
      "arn:aws:sts::111122223333:assumed-role/ci-deploy/botocore-session-1700000000",
      BUCKET,
      "assumed-role",
      "ci-deploy",
    ],
    [
      "arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_DataAnalyst_0123456789abcdef/jane@example.com",
      BUCKET,
      "sso-role",
      "DataAnalyst",
    ],
    ["arn:aws:iam::111122223333:user/cloud_user", KEY, "iam-user", "cloud_user"],
    ["arn:aws:iam::111122223333:root", KEY, "root", null],
    ["arn:aws:sts::111122223333:federated-user/bob", BUCKET, "federated-user", "bob"],
    ["lambda.amazonaws.com", BUCKET, "aws-service", "lambda.amazonaws.com"],
    ["anonymous", "arn:aws:execute-api:us-east-1:111122223333:abc123/prod/GET/items", "anonymous", null],
    ["arn:aws:sts::444455556666:assumed-role/partner-reader/session", KEY, "other-account", "partner-reader"],
    [null, BUCKET, "unknown", null],
  ])("reads %s as a %s caller", (principal, resource, kind, name) => {
    expect(callerOf({ principal, resource })).toMatchObject({ kind, name });
  });

  it("keeps the caller's own account", () => {
    expect(callerOf({ principal: "arn:aws:iam::111122223333:user/cloud_user", resource: null }).account).toBe(
      "111122223333",
    );
  });
});

describe("permissionSetOf", () => {
  it("reads the permission set out of an Identity Center role name", () => {
    expect(permissionSetOf("AWSReservedSSO_AdministratorAccess_a1b2c3d4e5f60718")).toBe("AdministratorAccess");
    expect(permissionSetOf("my-app-role")).toBeNull();
  });
});
