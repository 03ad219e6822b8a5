import { describe, expect, it } from "vitest";
import { withinBudget } from "../testing/time-budget";
import { createRedactor, type JsonValue, type Redactor } from "./index";

const redact = (text: string) => createRedactor().redactText(text);

describe("redactText", () => {
  it.each([
    [
      "an assumed-role principal and a table",
      "User: arn:aws:sts::123456789012:assumed-role/orders-api-role/orders-api is not authorized to perform: " +
        "dynamodb:PutItem on resource: arn:aws:dynamodb:eu-west-1:123456789012:table/Orders",
      "User: arn:aws:sts::000000000001:assumed-role/function-role-1/function-1 is not authorized to perform: " +
        "dynamodb:PutItem on resource: arn:aws:dynamodb:eu-west-1:000000000001:table/table-1",
    ],
    [
      "a permission set's name with the sentence's 'is' glued to it",
      "User: arn:aws:sts::348456244381:assumed-role/AWSReservedSSO_platform-developeris not authorized to perform: x:Y",
      "User: arn:aws:sts::000000000001:assumed-role/AWSReservedSSO_permission-set-1is not authorized to perform: x:Y",
    ],
    [
      "a function's session ARN wrapped inside its role name, both halves masked",
      "User: arn:aws:sts::450266975445:assumed-role/shop-api-CronJo\nbServiceRole742AEF/shop-api-CronJob6D18 is not authorized to perform: x:Y",
      "User: arn:aws:sts::000000000001:assumed-role/function-role-1\nfunction-role-2/function-1 is not authorized to perform: x:Y",
    ],
    [
      "a person's session of a role",
      "arn:aws:sts::123456789012:assumed-role/ReadOnly/Tom",
      "arn:aws:sts::000000000001:assumed-role/role-1/session-1",
    ],
    [
      "an IAM user with a path",
      "arn:aws:iam::123456789012:user/division/team/John",
      "arn:aws:iam::000000000001:user/user-1/user-2/user-3",
    ],
    ["the root user", "arn:aws:iam::123456789012:root", "arn:aws:iam::000000000001:root"],
    [
      "a bucket ARN with a key",
      '"arn:aws:s3:::my-bucket/private/flag.txt"',
      '"arn:aws:s3:::bucket-1/object-1/object-2"',
    ],
    ["a bucket ARN with a wildcard", "arn:aws:s3:::my-bucket/logs-*", "arn:aws:s3:::bucket-1/object-1*"],
    [
      "a function with its qualifiers",
      "arn:aws:lambda:us-east-1:123456789012:function:orders:$LATEST arn:aws:lambda:us-east-1:123456789012:function:orders:7",
      "arn:aws:lambda:us-east-1:000000000001:function:function-1:$LATEST arn:aws:lambda:us-east-1:000000000001:function:function-1:7",
    ],
    [
      "a KMS key id keeps its UUID shape",
      "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
      "arn:aws:kms:us-east-1:000000000001:key/00000000-0000-4000-8000-000000000001",
    ],
    ["a queue", "arn:aws:sqs:us-west-2:123456789012:jobs", "arn:aws:sqs:us-west-2:000000000001:queue-1"],
    ["a topic", "arn:aws:sns:us-east-1:123456789012:NewOrders", "arn:aws:sns:us-east-1:000000000001:topic-1"],
    [
      "a log group keeps AWS's path words and its wildcard",
      "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/orders:log-stream:*",
      "arn:aws:logs:us-east-1:000000000001:log-group:/aws/lambda/log-group-1:log-stream:*",
    ],
    [
      "a DynamoDB stream keeps its sub-resource words",
      "arn:aws:dynamodb:eu-west-1:123456789012:table/Orders/stream/2024-01-01T00:00:00.000",
      "arn:aws:dynamodb:eu-west-1:000000000001:table/table-1/stream/2024-01-01T00:00:00.000",
    ],
    [
      "an SCP ARN keeps its policy type and id prefixes",
      "arn:aws:organizations::987654321098:policy/o-qv5af4abcd/service_control_policy/p-2kgnabcd",
      "arn:aws:organizations::000000000001:policy/o-0000000001/service_control_policy/p-00000001",
    ],
    [
      "an SSO role keeps its prefix, an e-mail session its shape",
      "arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_Admin_0123456789abcdef/jane@corp.example.org",
      "arn:aws:sts::000000000001:assumed-role/AWSReservedSSO_permission-set-1_0000000000000001/user-1@example.com",
    ],
    [
      "tool and instance sessions keep their prefixes",
      "arn:aws:sts::123456789012:assumed-role/r/botocore-session-1700000000 arn:aws:sts::123456789012:assumed-role/r/i-0abc1234def567890 " +
        "arn:aws:sts::123456789012:assumed-role/r/awslambda_123_456",
      "arn:aws:sts::000000000001:assumed-role/role-1/botocore-session-0000000001 arn:aws:sts::000000000001:assumed-role/role-1/i-00000000000000001 " +
        "arn:aws:sts::000000000001:assumed-role/role-1/awslambda_0000001",
    ],
    [
      "AWS-managed policies and service-linked roles stay",
      "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole " +
        "arn:aws:iam::123456789012:role/aws-service-role/lambda.amazonaws.com/AWSServiceRoleForLambda",
      "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole " +
        "arn:aws:iam::000000000001:role/aws-service-role/lambda.amazonaws.com/AWSServiceRoleForLambda",
    ],
    [
      "placeholders stay",
      "arn:aws:iam::<account-id>:role/XXXX arn:aws:sns:us-east-1:444455556666:<role-name-2> arn:aws:iam::123456789012:role/...",
      "arn:aws:iam::<account-id>:role/XXXX arn:aws:sns:us-east-1:000000000001:<role-name-2> arn:aws:iam::000000000002:role/...",
    ],
    [
      "an ARN ends before a full stop",
      "on resource: arn:aws:iam::123456789012:role/deploy.",
      "on resource: arn:aws:iam::000000000001:role/role-1.",
    ],
    ["a bare resource name", "on resource: ppd-dev-pricefile because", "on resource: resource-1 because"],
    ["a wildcard resource stays", "on resource: * because", "on resource: * because"],
    ["an s3 URI", "aws s3 cp s3://my-bucket/a/b.txt .", "aws s3 cp s3://bucket-1/object-1/object-2 ."],
    [
      "virtual-hosted and path-style S3 URLs",
      "https://my-bucket.s3.us-east-1.amazonaws.com/a.txt https://s3.amazonaws.com/my-bucket/a.txt https://my-bucket.s3.amazonaws.com",
      "https://bucket-1.s3.us-east-1.amazonaws.com/object-1 https://s3.amazonaws.com/bucket-1/object-1 https://bucket-1.s3.amazonaws.com",
    ],
    [
      "an SQS queue URL",
      "https://sqs.us-east-1.amazonaws.com/123456789012/jobs",
      "https://sqs.us-east-1.amazonaws.com/000000000001/queue-1",
    ],
    [
      "account ids in prose and console URLs",
      "account 123456789012 (https://123456789012.signin.aws.amazon.com/console)",
      "account 000000000001 (https://000000000001.signin.aws.amazon.com/console)",
    ],
    [
      "longer and shorter digit runs stay",
      "request 1234567890123 id 12345678901",
      "request 1234567890123 id 12345678901",
    ],
    ["an e-mail address", "contact ops.team+aws@corp.example.com now.", "contact user-1@example.com now."],
    [
      "access key and unique ids",
      "key AKIAIOSFODNN7EXAMPLE id AROAEXAMPLEID1234567",
      "key AKIA0000000000000001 id AROA0000000000000001",
    ],
    [
      "services, Regions, actions, reasons and API words stay",
      "An error occurred (AccessDenied) when calling the ListObjectsV2 operation: because no identity-based policy allows the s3:ListBucket action",
      "An error occurred (AccessDenied) when calling the ListObjectsV2 operation: because no identity-based policy allows the s3:ListBucket action",
    ],
    [
      "an S3 XML body",
      "<Error><Code>NoSuchBucket</Code><BucketName>my-bucket</BucketName></Error>",
      "<Error><Code>NoSuchBucket</Code><BucketName>bucket-1</BucketName></Error>",
    ],
  ])("%s", (_name, input, expected) => {
    expect(redact(input)).toBe(expected);
  });

  it("masks name fields in JSON text, escaped or not, keeping its layout", () => {
    const record =
      '{ "userName": "alice", "principalId": "AIDAEXAMPLEID1234567", "requestParameters": {"bucketName":"my-bucket"} }';
    expect(redact(record)).toBe(
      '{ "userName": "user-1", "principalId": "AIDA0000000000000001", "requestParameters": {"bucketName":"bucket-1"} }',
    );
    expect(redact('"CloudTrailEvent": "{\\"userName\\":\\"alice\\",\\"roleName\\":\\"deploy\\"}"')).toBe(
      '"CloudTrailEvent": "{\\"userName\\":\\"user-1\\",\\"roleName\\":\\"role-1\\"}"',
    );
  });

  it("gives the same name the same mask everywhere, and different names different masks", () => {
    const redactor = createRedactor();
    const first = redactor.redactText("arn:aws:iam::111111111111:role/a arn:aws:iam::222222222222:role/b");
    const second = redactor.redactText("arn:aws:sts::222222222222:assumed-role/b/s account 111111111111");
    expect(first).toBe("arn:aws:iam::000000000001:role/role-1 arn:aws:iam::000000000002:role/role-2");
    expect(second).toBe("arn:aws:sts::000000000002:assumed-role/role-2/session-1 account 000000000001");
    expect(redactor.masked).toBe(5);
  });

  it("keeps a Lambda session and its function's ARN on one mask, so the two still match", () => {
    expect(
      redact("arn:aws:sts::123456789012:assumed-role/r/orders arn:aws:lambda:us-east-1:123456789012:function:orders"),
    ).toBe(
      "arn:aws:sts::000000000001:assumed-role/role-1/session-1 arn:aws:lambda:us-east-1:000000000001:function:session-1",
    );
  });

  it("never hands out a mask that is an original in the same text", () => {
    const redacted = redact(
      "arn:aws:iam::123456789012:role/role-1 account 000000000001 arn:aws:iam::000000000002:role/x",
    );
    expect(redacted).toBe(
      "arn:aws:iam::000000000003:role/role-2 account 000000000004 arn:aws:iam::000000000005:role/role-3",
    );
  });

  it("leaves text without secrets as it was", () => {
    expect(redact("")).toBe("");
    expect(redact("Access Denied")).toBe("Access Denied");
  });

  it("keeps the address AWS names as the grantee an export bucket must allow", () => {
    const text = "vm-import-export@amazon.com must have WRITE and READ_ACL permission on the S3 bucket.";
    expect(redact(text)).toBe(text);
  });
});

describe("redactJson", () => {
  it("masks strings, object keys and name fields, and keeps every other value", () => {
    const redactor: Redactor = createRedactor();
    const value: JsonValue = {
      userIdentity: {
        type: "AssumedRole",
        principalId: "AROAEXAMPLEID1234567:orders",
        arn: "arn:aws:sts::123456789012:assumed-role/orders-role/orders",
        accountId: "123456789012",
        sessionContext: { sessionIssuer: { userName: "orders-role" } },
      },
      requestParameters: { bucketName: "my-bucket", key: "a/b.txt", "arn:aws:s3:::my-bucket": [1, true, null] },
      readOnly: true,
      errorMessage: "User: arn:aws:sts::123456789012:assumed-role/orders-role/orders is not authorized",
    };
    expect(redactor.redactJson(value)).toEqual({
      userIdentity: {
        type: "AssumedRole",
        principalId: "AROA0000000000000001:function-1",
        arn: "arn:aws:sts::000000000001:assumed-role/function-role-1/function-1",
        accountId: "000000000001",
        sessionContext: { sessionIssuer: { userName: "function-role-1" } },
      },
      requestParameters: { bucketName: "bucket-1", key: "object-1/object-2", "arn:aws:s3:::bucket-1": [1, true, null] },
      readOnly: true,
      errorMessage: "User: arn:aws:sts::000000000001:assumed-role/function-role-1/function-1 is not authorized",
    });
  });

  it("prefers the ARN's word for a name a field named first", () => {
    const value = { userName: "deploy", arn: "arn:aws:iam::123456789012:role/deploy" };
    expect(createRedactor().redactJson(value)).toEqual({
      userName: "role-1",
      arn: "arn:aws:iam::000000000001:role/role-1",
    });
  });

  it("masks an ARN in a name field as an ARN", () => {
    expect(createRedactor().redactJson({ keyId: "arn:aws:kms:us-east-1:123456789012:alias/orders" })).toEqual({
      keyId: "arn:aws:kms:us-east-1:000000000001:alias/alias-1",
    });
  });
});

/** Per adversarial input at the paste limit: a linear pass takes tens of milliseconds, a backtracking one minutes. */
const INPUT_BUDGET_MS = 2_000;

describe("redaction cost", () => {
  it.each([
    ["ARN heads", "arn:aws:s3:::"],
    ["ARN heads without a resource", "arn:aws:iam:"],
    ["long ARN resources", "arn:aws:iam::123456789012:role/" + "a/".repeat(200)],
    ["at signs", "a@"],
    ["local parts", "abcdefgh."],
    ["hosts", "a.s3.amazonaws.com"],
    ["host characters", "a.b-"],
    ["digits", "1"],
    ["backslashes", "\\"],
    ["escaped field names", '\\"userName\\":\\"'],
    ["field names", '"userName": "'],
    ["s3 URIs", "s3://"],
    ["bare resources", "on resource: x"],
    ["unique ids", "AROA"],
  ])("handles 256 KiB of %s", (_name, unit) => {
    const text = unit.repeat(Math.floor((256 * 1024) / unit.length));
    const redacted = withinBudget(INPUT_BUDGET_MS, () => redact(text));
    expect(typeof redacted).toBe("string");
  });
});
