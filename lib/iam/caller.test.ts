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
    // A permission set's role is known by its path when its name does not say so (an issuer ARN from CloudTrail).
    [
      "arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/us-west-2/SampleRole",
      BUCKET,
      "sso-role",
      "SampleRole",
    ],
    ["arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/Auditors", BUCKET, "sso-role", "Auditors"],
    ["arn:aws:iam::111122223333:role/service/SampleRole", BUCKET, "assumed-role", "SampleRole"],
    ["arn:aws:iam::111122223333:user/cloud_user", KEY, "iam-user", "cloud_user"],
    ["arn:aws:iam::111122223333:root", KEY, "root", null],
    ["arn:aws:sts::111122223333:federated-user/bob", BUCKET, "federated-user", "bob"],
    ["lambda.amazonaws.com", BUCKET, "aws-service", "lambda.amazonaws.com"],
    ["anonymous", "arn:aws:execute-api:us-east-1:111122223333:abc123/prod/GET/items", "anonymous", null],
    ["arn:aws:sts::444455556666:assumed-role/partner-reader/session", KEY, "other-account", "partner-reader"],
    [null, BUCKET, "unknown", null],
    [
      "arn:aws:sts::111122223333:assumed-role/orders-dev-us-east-1-lambdaRole/orders-dev-post",
      BUCKET,
      "lambda-function",
      "orders-dev-post",
    ],
    [
      "arn:aws:sts::111122223333:assumed-role/shop-SendEmailFunctionRole-1A2B3C/shop-SendEmail-9z8y",
      BUCKET,
      "lambda-function",
      "shop-SendEmail-9z8y",
    ],
    ["arn:aws:sts::111122223333:assumed-role/ReadOnly/Tom", BUCKET, "assumed-role", "ReadOnly"],
    // A documentation example's pair, a CI runner's OIDC session and a Step Functions role's generated session.
    ["arn:aws:sts::123456789012:assumed-role/example-role/example-user", BUCKET, "assumed-role", "example-role"],
    [
      "arn:aws:sts::111122223333:assumed-role/circleci_iam_role/circleci-oidc-session",
      BUCKET,
      "assumed-role",
      "circleci_iam_role",
    ],
    [
      "arn:aws:sts::111122223333:assumed-role/StepFunctionExecutionRoleForImageProcessing/ahHmwmWNKuHXeWtEOlzRZuOFiwpoCyKH",
      BUCKET,
      "assumed-role",
      "StepFunctionExecutionRoleForImageProcessing",
    ],
    [
      "arn:aws:sts::111122223333:assumed-role/karpeter-controller/1731429849551905269",
      BUCKET,
      "assumed-role",
      "karpeter-controller",
    ],
    [
      "arn:aws:sts::111122223333:assumed-role/cdk-hnb659fds-cfn-exec-role/AWSCloudFormation",
      BUCKET,
      "assumed-role",
      "cdk-hnb659fds-cfn-exec-role",
    ],
    [
      "arn:aws:sts::111122223333:assumed-role/Cognito_poolUnauth_Role/CognitoIdentityCredentials",
      BUCKET,
      "assumed-role",
      "Cognito_poolUnauth_Role",
    ],
    [
      "arn:aws:sts::111122223333:assumed-role/worker-lambda-role/awslambda_744_20210612114448101",
      BUCKET,
      "assumed-role",
      "worker-lambda-role",
    ],
    [
      "arn:aws:sts::111122223333:assumed-role/sagemaker-immersion-day-SageMakerExecutionRole-9zz8Vn2LZg9h/SageMaker",
      BUCKET,
      "assumed-role",
      "sagemaker-immersion-day-SageMakerExecutionRole-9zz8Vn2LZg9h",
    ],
    [
      "arn:aws:sts::111122223333:assumed-role/MysfitsNotebookRole/SageMaker",
      BUCKET,
      "assumed-role",
      "MysfitsNotebookRole",
    ],
    [
      "arn:aws:sts::111122223333:assumed-role/AmazonSageMaker-ExecutionRole-20240101T000000/AmazonSageMaker-notebook",
      BUCKET,
      "assumed-role",
      "AmazonSageMaker-ExecutionRole-20240101T000000",
    ],
    ["arn:aws:sts::111122223333:assumed-role/build-role/AWSCodeBuild-4c4a1c09", BUCKET, "assumed-role", "build-role"],
    ["arn:aws:sts::111122223333:assumed-role/tasks-lambda-role/ecs-tasks", BUCKET, "assumed-role", "tasks-lambda-role"],
    ["arn:aws:sts::111122223333:assumed-role/role-name/role-session-name", BUCKET, "assumed-role", "role-name"],
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

describe("callerOf with a principal a writer redacted", () => {
  it("names no role when the name is a placeholder in brackets or a shell variable", () => {
    for (const principal of ["arn:aws:sts::{redacted}:assumed-role/{redacted}", "arn:aws:iam::$ARN:user/$USER"]) {
      expect(callerOf({ principal, resource: BUCKET }).name).toBeNull();
    }
  });

  it("still names the role when a redaction swallowed the ARN's Region and account fields", () => {
    expect(
      callerOf({
        principal: "arn:aws:sts:XXXXXXXXXassumed-role/eks-cluster-NodeInstanceRole-1A2B/i-0abc",
        resource: BUCKET,
      }),
    ).toMatchObject({ kind: "assumed-role", name: "eks-cluster-NodeInstanceRole-1A2B" });
  });
});
