import { describe, expect, it } from "vitest";
import { parseDenials } from "./index";

function onlyRecord(text: string) {
  const { records } = parseDenials(text);
  expect(records).toHaveLength(1);
  return records[0];
}

describe("parseDenials: a service refused the role it was given", () => {
  it("reads EventBridge's 'cannot be assumed by principal' as the named service's AssumeRole of that role", () => {
    const rule =
      "ClientError: An error occurred (ValidationException) when calling the PutRule operation: Provided role " +
      "'arn:aws:iam::00000000000:role/theRole' cannot be assumed by principal 'events.amazonaws.com'.";
    expect(onlyRecord(rule)).toMatchObject({
      action: "sts:AssumeRole",
      principal: "events.amazonaws.com",
      resource: "arn:aws:iam::00000000000:role/theRole",
    });
    const pipe =
      "An error occurred (ValidationException) when calling the CreatePipe operation: Provided role " +
      "'arn:aws:iam::123456789012:role/service-role/pipe-role' cannot be assumed by principal 'pipes.amazonaws.com'.";
    expect(onlyRecord(pipe)).toMatchObject({
      principal: "pipes.amazonaws.com",
      resource: "arn:aws:iam::123456789012:role/service-role/pipe-role",
    });
  });

  it("reads 'The principal … is not authorized to assume the provided role' as that service's AssumeRole", () => {
    for (const [text, principal] of [
      ["The principal states.amazonaws.com is not authorized to assume the provided role.", "states.amazonaws.com"],
      [
        "An error occurred (AccessDeniedException) when calling the CreateStateMachine operation: The principal " +
          "states.amazonaws.com is not authorized to assume the provided role.",
        "states.amazonaws.com",
      ],
    ] as const) {
      expect(onlyRecord(text)).toMatchObject({ action: "sts:AssumeRole", principal });
    }
  });

  it("reads App Runner's 'Error in assuming access role' as build.apprunner.amazonaws.com assuming it", () => {
    for (const [text, role] of [
      [
        ">     \t* error creating App Runner Service (node-app): InvalidRequestException: Error in assuming access " +
          "role arn:aws:iam::402228412873:role/apprunner-role-83c64cban",
        "arn:aws:iam::402228412873:role/apprunner-role-83c64cban",
      ],
      [
        "An error occurred (InvalidRequestException) when calling the CreateService operation: Error in assuming " +
          "access role arn:aws:iam::123456789012:role/service-role/AppRunnerECRAccessRole",
        "arn:aws:iam::123456789012:role/service-role/AppRunnerECRAccessRole",
      ],
    ] as const) {
      expect(onlyRecord(text)).toMatchObject({
        action: "sts:AssumeRole",
        principal: "build.apprunner.amazonaws.com",
        resource: role,
      });
    }
  });
});

describe("parseDenials: a service's role refused what it does for the service", () => {
  it("reads Step Functions' Log Destination refusal, cut short or whole, as the role's log delivery", () => {
    for (const text of [
      'Resource handler returned message: "The state machine IAM Role is not authorized to access the Log ',
      "An error occurred (AccessDeniedException) when calling the CreateStateMachine operation: The state machine " +
        "IAM Role is not authorized to access the Log Destination",
    ]) {
      expect(onlyRecord(text)).toMatchObject({ service: "logs", action: "logs:CreateLogDelivery" });
    }
  });

  it("reads Athena's 'Unable to verify/create output bucket' as the caller's access to that bucket", () => {
    for (const [text, bucket] of [
      [
        "InvalidRequestException: An error occurred (InvalidRequestException) when calling the StartQueryExecution " +
          "operation: Unable to verify/create output bucket aws-athena-query-results-XXXX-YYYY",
        "aws-athena-query-results-XXXX-YYYY",
      ],
      [
        "Unable to verify/create output bucket my-query-results.eu-west-1. (Service: AmazonAthena; Status Code: 400)",
        "my-query-results.eu-west-1",
      ],
    ] as const) {
      expect(onlyRecord(text)).toMatchObject({
        service: "s3",
        action: "s3:GetBucketLocation",
        resource: `arn:aws:s3:::${bucket}`,
      });
    }
  });

  it("reads Bedrock's refusal 'with a prompt resource' as InvokeModel, apart from model access", () => {
    for (const text of [
      "AccessDeniedException: Your account is not authorized to invoke this API operation with a prompt resource.",
      "An error occurred (AccessDeniedException) when calling the Converse operation: Your account is not " +
        "authorized to invoke this API operation with a prompt resource.",
    ]) {
      expect(onlyRecord(text)).toMatchObject({ service: "bedrock", action: "bedrock:InvokeModel" });
    }
  });
});
