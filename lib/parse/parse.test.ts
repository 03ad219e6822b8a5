import { describe, expect, it } from "vitest";
import cases from "./cases/messages.json";
import { parseDenials } from "./index";

describe("parseDenials: one case per documented message family", () => {
  it.each(cases)("$name", ({ text, expect: expected }) => {
    const { records } = parseDenials(text);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject(expected);
  });
});

describe("parseDenials: several denials and noise", () => {
  const dynamo =
    "User: arn:aws:sts::123456789012:assumed-role/r/fn is not authorized to perform: dynamodb:PutItem on " +
    "resource: arn:aws:dynamodb:eu-west-1:123456789012:table/T because no identity-based policy allows " +
    "the dynamodb:PutItem action";
  const kms =
    "User: arn:aws:sts::123456789012:assumed-role/r/fn is not authorized to perform: kms:Decrypt on " +
    "resource: arn:aws:kms:eu-west-1:123456789012:key/k because no resource-based policy allows the " +
    "kms:Decrypt action";

  it("finds every denial in a log excerpt, in order", () => {
    const log = [
      `2026-01-01T00:00:00Z INFO start`,
      `2026-01-01T00:00:01Z ERROR ${dynamo}`,
      `2026-01-01T00:00:02Z ERROR ${kms}`,
    ].join("\n");
    expect(parseDenials(log).records.map((record) => record.action)).toEqual(["dynamodb:PutItem", "kms:Decrypt"]);
  });

  it("folds a repeated denial into one record with a count", () => {
    const { records } = parseDenials([dynamo, dynamo, dynamo].join("\n"));
    expect(records).toHaveLength(1);
    expect(records[0]?.occurrences).toBe(3);
  });

  it("strips Terraform gutters and ANSI colours", () => {
    const terraform = `\u001b[31m╷\u001b[0m\n│ Error: putting item: ${dynamo}\n│ \n╵`;
    expect(parseDenials(terraform).records[0]).toMatchObject({
      action: "dynamodb:PutItem",
      resource: "arn:aws:dynamodb:eu-west-1:123456789012:table/T",
    });
  });

  it("ends an unquoted resource at the quote of one-line SDK JSON, escaped or not", () => {
    const sentence =
      "User: arn:aws:sts::123456789012:assumed-role/sched-role/sched is not authorized to perform: iam:PassRole " +
      "on resource: arn:aws:iam::123456789012:role/worker";
    for (const json of [
      `{"message":"${sentence}","code":"AccessDeniedException","statusCode":400}`,
      `"{\\"message\\":\\"${sentence}\\",\\"code\\":\\"AccessDeniedException\\"}"`,
    ]) {
      expect(parseDenials(json).records[0]?.resource).toBe("arn:aws:iam::123456789012:role/worker");
    }
  });

  it("reads a bare 'with an explicit deny' as a Deny in a policy AWS does not name", () => {
    const text =
      "User: arn:aws:iam::123456789012:user/me is not authorized to perform: eks:DescribeCluster on resource: " +
      "arn:aws:eks:ap-northeast-2:123456789012:cluster/my-cluster with an explicit deny";
    expect(parseDenials(text).records[0]).toMatchObject({
      statedReason: "explicit-deny",
      statedPolicyType: null,
      resource: "arn:aws:eks:ap-northeast-2:123456789012:cluster/my-cluster",
    });
  });

  it("reads the operation from a multi-line boto3 traceback", () => {
    const traceback =
      'Traceback (most recent call last):\n  File "app.py", line 3, in ' +
      "handler\nbotocore.exceptions.ClientError: An error occurred (AccessDenied) when calling the " +
      "GetObject operation: Access Denied";
    expect(parseDenials(traceback).records[0]).toMatchObject({
      kind: "generic-denied",
      action: "s3:GetObject",
      sourceFormat: "sdk-python",
    });
  });
});

describe("parseDenials: non-denials", () => {
  it.each([
    ["An error occurred (ThrottlingException) when calling the LookupEvents operation: Rate exceeded", "Throttling"],
    [
      "An error occurred (NoSuchKey) when calling the GetObject operation: The specified key does not exist.",
      "NotFound",
    ],
    [
      "An error occurred (ExpiredToken) when calling the GetObject operation: The provided token has expired.",
      "ExpiredToken",
    ],
    [
      "An error occurred (InvalidClientTokenId) when calling the GetCallerIdentity operation: The security token included in the request is invalid.",
      "InvalidToken",
    ],
    [
      "An error occurred (KMS.NotFoundException) when calling the PutObject operation: Key 'arn:aws:kms:us-east-1:1:key/x' does not exist",
      "NotFound",
    ],
  ])("%s is not a permission problem", (text, code) => {
    const result = parseDenials(text);
    expect(result.records).toEqual([]);
    expect(result.nonDenials.map((error) => error.code)).toContain(code);
  });
});

describe("parseDenials: a log with denials and other errors", () => {
  it("names the other errors too", () => {
    const log = [
      "2026-01-01T00:00:00Z ERROR An error occurred (ThrottlingException) when calling the PutItem operation: Rate exceeded",
      "2026-01-01T00:00:01Z ERROR User: arn:aws:sts::123456789012:assumed-role/r/fn is not authorized to " +
        "perform: dynamodb:PutItem on resource: arn:aws:dynamodb:eu-west-1:123456789012:table/T because no " +
        "identity-based policy allows the dynamodb:PutItem action",
    ].join("\n");
    const result = parseDenials(log);
    expect(result.records).toHaveLength(1);
    expect(result.nonDenials.map((error) => error.code)).toEqual(["Throttling"]);
  });
});

describe("parseDenials: denial-looking errors that no policy edit fixes", () => {
  it.each([
    [
      "BedrockModelAccess",
      "An error occurred (AccessDeniedException) when calling the InvokeModel operation: You don't have access to the model with the specified model ID.",
    ],
    ["BillingAccessNotActivated", '"Access Denied Cost allocation tags are managed at the payer account level."'],
    [
      "SignatureProblem",
      "<Error>\n<Code>AccessDenied</Code>\n<Message>There were headers present in the request which were not signed</Message>\n</Error>",
    ],
    [
      "InvalidCredentials",
      "An error occurred (UnrecognizedClientException) when calling the ListKeys operation: The security token included in the request is invalid.",
    ],
    [
      "KMSKeyUnusable",
      "An error occurred (AccessDeniedException) when calling the Decrypt operation: The KMS key is disabled or pending deletion.",
    ],
  ])("%s is a non-denial, not a finding", (code, text) => {
    const { records, nonDenials } = parseDenials(text);
    expect(records).toEqual([]);
    expect(nonDenials.map((nonDenial) => nonDenial.code)).toContain(code);
  });
});

describe("parseDenials: SQS's own wording", () => {
  it.each([
    ["https://sqs.us-east-1.amazonaws.com/123456789012/orders", "arn:aws:sqs:us-east-1:123456789012:orders"],
    ["https://eu-west-1.queue.amazonaws.com/123456789012/orders", "arn:aws:sqs:eu-west-1:123456789012:orders"],
    ["https://eu-west-1.queue.amazonaws.com/", null],
  ])("reads the queue of %s as its ARN", (url, arn) => {
    const text = `An error occurred (AccessDenied) when calling the SendMessage operation: Access to the resource ${url} is denied.`;
    expect(parseDenials(text).records[0]).toMatchObject({
      kind: "sqs-legacy",
      action: "sqs:SendMessage",
      resource: arn,
    });
  });

  it("reads Network Firewall's 'not authorized perform' (sic)", () => {
    const text =
      "An error occurred (AccessDeniedException) when calling the CreateFirewall operation: Unable to CreateFirewall " +
      "because user is not authorized perform iam:CreateServiceLinkedRole";
    expect(parseDenials(text).records[0]?.action).toBe("iam:CreateServiceLinkedRole");
  });
});

describe("parseDenials: KMS's three-cause wording", () => {
  it("reads it as the key policy (a resource-based policy) not allowing the call", () => {
    const text =
      "An error occurred (AccessDenied) when calling the PutObject operation: User: " +
      "arn:aws:sts::123456789012:assumed-role/export/run is not authorized to perform: kms:GenerateDataKey on this " +
      "resource because the resource does not exist in this Region, no resource-based policies allow access, or a " +
      "resource-based policy explicitly denies access";
    expect(parseDenials(text).records[0]).toMatchObject({
      action: "kms:GenerateDataKey",
      statedPolicyType: "resource-based",
      statedReason: "no-allow",
    });
  });
});

describe("parseDenials: CloudWatch Logs naming only the account", () => {
  it("reads a create with tags as the missing tagging action on the log group's type, in that account", () => {
    const text =
      'Resource handler returned message: "User with accountId: 254377943029 is not authorized to perform ' +
      'CreateLogGroup with Tags (Service: CloudWatchLogs, Status Code: 400, Request ID: 72c1fa9c)"';
    expect(parseDenials(text).records[0]).toMatchObject({
      action: "logs:TagResource",
      operation: "CreateLogGroup",
      account: "254377943029",
    });
  });
});

describe("parseDenials: an SNS delivery-status log", () => {
  it("reads a refused delivery to a queue as SNS itself denied sqs:SendMessage on it", () => {
    const text =
      '"providerResponse": "{\\"ErrorCode\\":\\"AccessDenied\\",\\"ErrorMessage\\":\\"Access to the resource ' +
      'https://sqs.us-west-2.amazonaws.com/123456789012/orders is denied.\\"}",';
    expect(parseDenials(text).records[0]).toMatchObject({
      principal: "sns.amazonaws.com",
      action: "sqs:SendMessage",
      resource: "arn:aws:sqs:us-west-2:123456789012:orders",
    });
  });
});

describe("parseDenials: a resource ARN a line break cut inside its fields", () => {
  it.each([
    [
      "arn:aws:dynamodb:ap-southeast-1\n:450266975445:table/stocks",
      "arn:aws:dynamodb:ap-southeast-1:450266975445:table/stocks",
    ],
    [
      "arn:aws:lambda:us-east-\n        1:580247275435:layer:Insights:55",
      "arn:aws:lambda:us-east-1:580247275435:layer:Insights:55",
    ],
  ])("joins %j", (wrapped, arn) => {
    const text = `User: arn:aws:iam::450266975445:user/dev is not authorized to perform: dynamodb:PutItem on resource: ${wrapped}`;
    expect(parseDenials(text).records[0]?.resource).toBe(arn);
  });

  it("leaves a whole ARN and the next line alone", () => {
    const text =
      "User: arn:aws:iam::450266975445:user/dev is not authorized to perform: dynamodb:PutItem on resource: " +
      "arn:aws:dynamodb:ap-southeast-1:450266975445:table/stocks\n:next line";
    expect(parseDenials(text).records[0]?.resource).toBe("arn:aws:dynamodb:ap-southeast-1:450266975445:table/stocks");
  });
});

describe("parseDenials: a console paste wrapped every few words", () => {
  it("reads the reason four lines below the anchor as the sentence's own, not as a second denial", () => {
    const text = [
      "is",
      "    not authorized to perform:",
      "    lambda:GetLayerVersion on resource:",
      "    arn:aws:lambda:us-east-",
      "    1:580247275435:layer:LambdaInsightsExtension:55",
      "    because no resource-based policy allows the",
      "    lambda:GetLayerVersion action",
    ].join("\n");
    const { records } = parseDenials(text);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      resource: "arn:aws:lambda:us-east-1:580247275435:layer:LambdaInsightsExtension:55",
      statedPolicyType: "resource-based",
    });
  });
});

describe("parseDenials: a JS SDK v3 error printed with its stack", () => {
  it("folds the error object's __type line into the denial above its stack trace", () => {
    const text = [
      "ERROR\tAccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/scale-up-role/scale-up is not " +
        "authorized to perform: ssm:GetParameter on resource: arn:aws:ssm:us-west-1:123456789012:parameter/x",
      ...Array.from({ length: 6 }, (_, frame) => `    at frame${frame} (/var/task/index.js:${frame}:1)`),
      "    at async /var/task/index.js:46201:22 {",
      "  __type: 'AccessDeniedException',",
      "  '$fault': 'client',",
      "}",
    ].join("\n");
    expect(parseDenials(text).records).toHaveLength(1);
  });

  it("keeps two errors apart when what stands between them is more than a stack", () => {
    const denial =
      "User: arn:aws:iam::123456789012:user/dev is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::b/k";
    const text = [denial, "retrying", "request 2", "request 3", "request 4", "AccessDenied: Access Denied"].join("\n");
    expect(parseDenials(text).records).toHaveLength(2);
  });
});
