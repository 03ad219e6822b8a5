import { describe, expect, it } from "vitest";
import { parseDenials } from "./index";
import { unwrapLines } from "./unwrap";

function onlyRecord(text: string) {
  const { records } = parseDenials(text);
  expect(records).toHaveLength(1);
  return records[0];
}

/** `text` cut every `width` characters, as a fixed-width terminal or paste cuts it. */
function cutAt(text: string, width: number): string {
  const lines: string[] = [];
  for (let at = 0; at < text.length; at += width) lines.push(text.slice(at, at + width));
  return lines.join("\n");
}

const LAMBDA_ERROR =
  '{"stackTrace": [["/var/task/lambda_function.py", 243, "lambda_handler", "return_dict = run_set_mode(host, validation_hash)"], ' +
  '["/var/runtime/botocore/client.py", 543, "_make_api_call", "raise error_class(parsed_response, operation_name)"]], ' +
  '"errorType": "ClientError", "errorMessage": "An error occurred (AccessDenied) when calling the ListResourceRecordSets ' +
  "operation: User: arn:aws:sts::519768181415:assumed-role/dns_role/dns is not authorized to perform: " +
  'route53:ListResourceRecordSets on resource: arn:aws:route53:::hostedzone/ZFZVNFRHXMOIV"}';

describe("text a terminal or a paste cut at its width", () => {
  it("joins a fixed-width paste back into its lines, so an ARN cut at the edge reads whole", () => {
    const wrapped = cutAt(LAMBDA_ERROR, 106);
    expect(wrapped).not.toContain("arn:aws:route53:::hostedzone/ZFZVNFRHXMOIV");
    expect(onlyRecord(wrapped)).toMatchObject({
      action: "route53:ListResourceRecordSets",
      resource: "arn:aws:route53:::hostedzone/ZFZVNFRHXMOIV",
    });
  });

  it("leaves lines of one width alone when each starts a record of its own", () => {
    const line = (n: number) =>
      `2024-01-01T00:00:0${n}Z ERROR AccessDenied: User: arn:aws:iam::123456789012:user/u${n} is not authorized`;
    const text = [1, 2, 3, 4].map(line).join("\n");
    expect(unwrapLines(text)).toBe(text);
  });

  it("joins a box-drawn message across its right edge, inside a word or between words", () => {
    const text =
      "AccessDeniedE │\n" +
      "│ xception: User: arn:aws:sts::{wrong-account}:assumed-role/crossplane/{SESSION-ID} is not authorized to  │\n" +
      "│ perform: kms:CreateKey on resource: * because no identity-based policy allows the kms:CreateKey action   ";
    expect(unwrapLines(text)).toContain("AccessDeniedException: User:");
    expect(unwrapLines(text)).toContain("is not authorized to perform: kms:CreateKey");
    expect(onlyRecord(text)).toMatchObject({
      action: "kms:CreateKey",
      principal: "arn:aws:sts::{wrong-account}:assumed-role/crossplane/{SESSION-ID}",
    });
  });

  it("reads a Java S3 403 whose error code is `403 Forbidden` as a denial", () => {
    expect(
      onlyRecord(
        "com.amazonaws.services.s3.model.AmazonS3Exception: Forbidden (Service: Amazon S3; Status Code: 403; " +
          "Error Code: 403 Forbidden; Request ID: 8SV7S6VZTXYQZQMW; Proxy: null)",
      ),
    ).toMatchObject({ service: "s3", errorCode: "403 Forbidden" });
  });
});

describe("an IAM sentence's action where a log cut or glued it", () => {
  it("stops the action where a one-line JSON log runs on into its next field", () => {
    const text =
      '{"level":"info","msg":"acme: error cleaning \nup: AccessDenied: User: \narn:aws:iam::123456789012:user/dns is not authorized to perform: \n' +
      'route53:ListHostedZonesByName","time":"2019-08-22T00:26:56Z"}';
    expect(onlyRecord(text)).toMatchObject({
      action: "route53:ListHostedZonesByName",
      principal: "arn:aws:iam::123456789012:user/dns",
    });
  });

  it("joins an action a line break cut inside its service prefix", () => {
    const text =
      "ClientError: An error occurred (AccessDenied) when calling the DescribeStacks operation: " +
      "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: cloudforma\ntion:DescribeStacks";
    expect(onlyRecord(text)).toMatchObject({ action: "cloudformation:DescribeStacks" });
  });

  it("keeps a writer's bracketed placeholder whole in the principal", () => {
    expect(
      onlyRecord(
        "AccessDenied: User: arn:aws:sts::{redacted}:assumed-role/{redacted} is not authorized to perform: elasticloadbalancing:AddTags on resource: *",
      ),
    ).toMatchObject({ principal: "arn:aws:sts::{redacted}:assumed-role/{redacted}" });
    expect(
      onlyRecord("AccessDenied: User: [assumed-role] is not authorized to perform: autoscaling:DescribeTags"),
    ).toMatchObject({ principal: "[assumed-role]" });
  });
});

describe("an EC2 encoded denial pasted with its decoded message", () => {
  it("takes the call, the resource, the caller and an explicit Deny from the decoded context", () => {
    const text =
      "UnauthorizedOperation: You are not authorized to perform this operation. Encoded authorization failure message: ****\n\n" +
      'The decoded message:\n{\n  "allowed": false,\n  "explicitDeny": true,\n  "matchedStatements": {"items": []},\n' +
      '  "context": {\n    "principal": {"id": "AROA:x", "arn": "arn:aws:sts::123456789012:assumed-role/karpenter/x"},\n' +
      '    "action": "ec2:RunInstances",\n    "resource": "arn:aws:ec2:us-east-1:123456789012:launch-template/lt-0638ed6a3b7addbf5"\n  }\n}';
    expect(onlyRecord(text)).toMatchObject({
      action: "ec2:RunInstances",
      resource: "arn:aws:ec2:us-east-1:123456789012:launch-template/lt-0638ed6a3b7addbf5",
      principal: "arn:aws:sts::123456789012:assumed-role/karpenter/x",
      statedReason: "explicit-deny",
    });
  });
});

describe("an IAM sentence's resource and principal where a writer or a log bent them", () => {
  it("reads a resource name that holds spaces up to the reason", () => {
    const text =
      "User: arn:aws:sts::120038763019:assumed-role/mwaa/airflow is not authorized to perform: glue:GetJobRuns on resource: " +
      "arn:aws:glue:eu-west-2:120038763019:job/Copy parking zone to raw because no identity-based policy allows the glue:GetJobRuns action";
    expect(onlyRecord(text)).toMatchObject({
      resource: "arn:aws:glue:eu-west-2:120038763019:job/Copy parking zone to raw",
    });
  });

  it("reads no resource where the SDK's details stand in its place", () => {
    expect(
      onlyRecord(
        "User arn:aws:iam: is not authorized to perform 'ses:SendRawEmail' on resource (code AccessDeniedException).",
      ),
    ).toMatchObject({ action: "ses:SendRawEmail", resource: null });
  });

  it("never makes the previous sentence's resource the first half of the next one's principal", () => {
    const text =
      "xxx is not authorized to perform: kinesis:DescribeStreamConsumer on resource: arn:aws:kinesis:ap-southeast-2:123456789012:stream/a/consumer/c\n" +
      "xxx is not authorized to perform: kinesis:SubscribeToShard on resource: arn:aws:kinesis:ap-southeast-2:123456789012:stream/a/consumer/c:1";
    const { records } = parseDenials(text);
    expect(records.map((record) => record.principal)).toEqual([null, null]);
  });
});

describe("a message a logger cut short", () => {
  it("keeps the caller of a sentence cut inside its action, as one denial with the HTTP client's 403 above it", () => {
    const message =
      '{"Error":{"Code":"AccessDenied","Message":"User: arn:aws:iam::237249205872:user/lingchen is not authorized to perform: s (truncated...)';
    const text = "Client error: `POST https://sts.amazonaws.com/` resulted in a `403 Forbidden` response:\n" + message;
    expect(onlyRecord(text)).toMatchObject({ principal: "arn:aws:iam::237249205872:user/lingchen", action: null });
  });

  it("keeps the caller of a sentence whose action AWS wrote as null", () => {
    const text =
      "An error occurred (AccessDeniedException) when calling the CreateComponentVersion operation: User: " +
      "arn:aws:iam::456012345600:user/Administrator is not authorized to perform: null";
    expect(onlyRecord(text)).toMatchObject({
      principal: "arn:aws:iam::456012345600:user/Administrator",
      operation: "CreateComponentVersion",
    });
  });

  it('keeps the caller and the CLI\'s call of a sentence quoted only up to "perform"', () => {
    const text =
      "`An error occurred (AccessDeniedException) when calling the DescribeJobDefinitions operation: User: " +
      "arn:aws:sts::615874746523:assumed-role/StagingContainerInstanceProfile/i-0ba52d178d30f0e42 is not authorized to perform`";
    expect(onlyRecord(text)).toMatchObject({
      principal: "arn:aws:sts::615874746523:assumed-role/StagingContainerInstanceProfile/i-0ba52d178d30f0e42",
      operation: "DescribeJobDefinitions",
      action: null,
    });
  });
});

describe("the IAM anchor a terminal cut inside a word", () => {
  it("reads the sentence across the cut", () => {
    const text =
      "User: arn:aws:sts::001292317441:assumed-role/ops/jane is not authorized t\n" +
      "o perform: ssm:TerminateSession on resource: arn:aws:ssm:ap-southeast-1:001292317441:session/jane-0abc";
    expect(onlyRecord(text)).toMatchObject({
      action: "ssm:TerminateSession",
      principal: "arn:aws:sts::001292317441:assumed-role/ops/jane",
    });
  });
});
