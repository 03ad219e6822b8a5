import { describe, expect, it } from "vitest";
import { parseDenials } from "./index";

function nonDenialCodes(text: string): string[] {
  const { records, nonDenials } = parseDenials(text);
  expect(records).toEqual([]);
  return nonDenials.map((nonDenial) => nonDenial.code);
}

describe("parseDenials: errors of the request's own making", () => {
  it("names a skewed clock, in each SDK's words", () => {
    for (const text of [
      'Error executing "PutObject" on "https://s3.amazonaws.com/backupebrain/my-backupfile"; AWS HTTP error: Client ' +
        "error: 403 RequestTimeTooSkewed (client): The difference between the request time and the current time is too large.",
      "500 : Internal Error: RequestTimeTooSkewed: The difference between the request time and the server's time is " +
        "too large. status code: 403, request id: , host id:",
      "RequestTimeTooSkewed Error: The difference between the request time and the current time is too large.",
      "An error occurred (RequestTimeTooSkewed) when calling the ListObjectsV2 operation: The difference between the " +
        "request time and the current time is too large.",
    ]) {
      expect(nonDenialCodes(text)).toContain("RequestTimeTooSkewed");
    }
  });

  it("names a request signed for the wrong Region", () => {
    for (const text of [
      "`AuthorizationHeaderMalformed, Message:The authorization header is malformed; the region 'us-east-1' is " +
        "wrong; expecting 'eu-central-1'`",
      "Error occurred while GetObject. S3 Error Code: AuthorizationHeaderMalformed. S3 Error Message: The " +
        "authorization header is malformed; the region 'us-east-1' is wrong; expecting 'ap-southeast-2' (Service: " +
        "AWSLambdaInternal; Status Code: 400; Error Code: InvalidParameterValueException)",
      "The authorization header is malformed; the region 'eu-west-1' is wrong; expecting 'us-west-2'",
    ]) {
      expect(nonDenialCodes(text)).toContain("WrongRegion");
    }
  });

  it("leaves an AuthorizationHeaderMalformed that names no Region to other causes", () => {
    const text =
      "An error occurred (AuthorizationHeaderMalformed) when calling the GetObject operation: The authorization " +
      "header is malformed; a non-empty Access Key (AKID) must be provided in the credential.";
    expect(nonDenialCodes(text)).not.toContain("WrongRegion");
  });

  it("names an ended IAM Identity Center session", () => {
    for (const text of [
      "An error occurred (UnauthorizedException) when calling the GetRoleCredentials operation: Session token not " +
        "found or invalid",
      "UnauthorizedException: Session token not found or invalid\n    at de_UnauthorizedExceptionRes",
    ]) {
      expect(nonDenialCodes(text)).toContain("SsoSessionExpired");
    }
  });

  it("names Athena's missing output location", () => {
    const text =
      "An error occurred (InvalidRequestException) when calling the StartQueryExecution operation: No output location " +
      "provided. An output location is required either through the Workgroup result configuration setting or as an API input.";
    expect(nonDenialCodes(text)).toEqual(["AthenaNoOutputLocation"]);
  });
});

describe("parseDenials: refusals only an account's enrolment lifts", () => {
  it("names an account AWS has not enabled for the resource, not a policy", () => {
    for (const text of [
      '"AccessDeniedException: An error occurred (AccessDeniedException) when calling the CreateJob operation: This ' +
        'account is not authorized to use this resource. In order to access additional resources, please contact customer support"',
      "AccessDeniedException: This account is not authorized to use this resource. In order to access additional " +
        "resources, please contact customer support (Service: Braket, Status Code: 403)",
    ]) {
      expect(nonDenialCodes(text)).toEqual(["AccountNotEnabled"]);
    }
  });

  it("names an Amazon Q subscription that does not cover the application", () => {
    for (const text of [
      '{"__type":"com.amazon.aws.codewhisperer#AccessDeniedException","message":"Your subscription does not support ' +
        'this application. Please contact your administrator."}',
      "AccessDeniedException: Your subscription does not support this application. Please contact your administrator.",
    ]) {
      expect(nonDenialCodes(text)).toEqual(["SubscriptionRequired"]);
    }
  });
});
