import { describe, expect, it } from "vitest";
import { parseDenials } from "./index";

/** A denied CloudTrail record of an assumed-role session, with the request parameters given. */
function denied(fields: Record<string, unknown>): string {
  return JSON.stringify({
    eventSource: "ec2.amazonaws.com",
    eventName: "GetPasswordData",
    awsRegion: "us-east-1",
    errorCode: "Client.UnauthorizedOperation",
    errorMessage: "You are not authorized to perform this operation.",
    recipientAccountId: "123837392027",
    userIdentity: {
      type: "AssumedRole",
      arn: "arn:aws:sts::123837392027:assumed-role/password-role/aws-go-sdk-1688990082523310002",
      accountId: "123837392027",
    },
    ...fields,
  });
}

const only = (text: string) => {
  const { records } = parseDenials(text);
  expect(records).toHaveLength(1);
  return records[0]!;
};

describe("values a CloudTrail request names", () => {
  it.each([
    ["ec2", { instanceId: "i-durz4ux740gjqvcm" }, { InstanceId: "i-durz4ux740gjqvcm" }],
    [
      "s3",
      { bucketName: "example-bucket", key: "sensitive-file.txt" },
      { BucketName: "example-bucket", ObjectName: "sensitive-file.txt" },
    ],
    ["iam", { roleName: "deploy" }, { RoleNameWithPath: "deploy" }],
    ["rds", { dBInstanceIdentifier: "production-db", skipFinalSnapshot: true }, { DbInstanceName: "production-db" }],
    ["ssm", { name: "/app/db/password" }, { ParameterNameWithoutLeadingSlash: "app/db/password" }],
    [
      "sqs",
      { queueUrl: "https://sqs.eu-west-1.amazonaws.com/111122223333/orders.fifo" },
      { Region: "eu-west-1", Account: "111122223333", QueueName: "orders.fifo" },
    ],
    ["secretsmanager", { secretId: "db-password" }, { SecretId: "db-password-*" }],
  ])("reads %s's request identifiers into ARN template values", (service, requestParameters, expected) => {
    const record = only(denied({ eventSource: `${service}.amazonaws.com`, requestParameters }));
    expect(record.requestValues).toEqual(expected);
  });

  it("leaves settings, aliases, wildcards and nested values out", () => {
    const requestParameters = {
      Granularity: "MONTHLY",
      keyId: "alias/aws/s3",
      "x-amz-acl": ["private"],
      bucketName: "logs-*",
      instancesSet: { items: [{ instanceId: "i-1" }] },
    };
    expect(only(denied({ requestParameters })).requestValues).toBeNull();
  });

  it("takes the request's ARN of the called service as the resource, and a role ARN for STS", () => {
    const secret = "arn:aws:secretsmanager:us-west-2:123123123123:secret:stratus-red-team-retrieve-secret-3-gscOm8";
    const read = only(
      denied({
        eventSource: "secretsmanager.amazonaws.com",
        eventName: "GetSecretValue",
        requestParameters: { secretId: secret },
      }),
    );
    expect(read.resource).toBe(secret);
    const role = "arn:aws:iam::123456789012:role/Admin-Role";
    const rds = only(
      denied({
        eventSource: "rds.amazonaws.com",
        eventName: "AddRoleToDBInstance",
        requestParameters: { roleArn: role },
      }),
    );
    expect(rds.resource).toBeNull();
    const sts = only(
      denied({ eventSource: "sts.amazonaws.com", eventName: "AssumeRole", requestParameters: { roleArn: role } }),
    );
    expect(sts.resource).toBe(role);
  });

  it("names the caller by its session issuer when the record has no principal ARN", () => {
    const userIdentity = {
      type: "AssumedRole",
      sessionContext: { sessionIssuer: { arn: "arn:aws:iam::123456789012:role/tester", userName: "tester" } },
    };
    expect(only(denied({ userIdentity })).principal).toBe("arn:aws:iam::123456789012:role/tester");
  });
});

describe("values a paste leaves unexpanded", () => {
  it("reads a shell variable standing for the caller or the resource as no value", () => {
    const [record] = parseDenials(
      "User: $user_arn is not authorized to perform: lambda:InvokeFunction on resource: ${function_arn} " +
        "(Aws::Lambda::Errors::AccessDeniedException)",
    ).records;
    expect(record).toMatchObject({ principal: null, resource: null, action: "lambda:InvokeFunction" });
  });
});

describe("values a tracker's Markdown linked", () => {
  it("reads a pasted record whose eventSource an autolink wrapped as the plain host", () => {
    const text = JSON.stringify([
      {
        errorCode: "AccessDenied",
        eventSource: "[inspector2.amazonaws.com](http://inspector2.amazonaws.com/)",
        eventName: "ListDelegatedAdminAccounts",
      },
    ]);
    expect(parseDenials(text).records.map((record) => record.action)).toEqual([
      "inspector2:ListDelegatedAdminAccounts",
    ]);
  });
});

describe("values a paste breaks apart", () => {
  const sentence = (principal: string, resource: string) =>
    `User: ${principal} is not authorized to perform: dynamodb:PutItem on resource: ${resource} ` +
    "because no identity-based policy allows the dynamodb:PutItem action";

  it("rejoins an ARN whose account was elided with spaces around it", () => {
    const record = only(
      sentence("arn:aws:sts:: ... :assumed-role/api-role/api-fn", "arn:aws:dynamodb:us-east-1: ... :table/AuthTable"),
    );
    expect(record.resource).toBe("arn:aws:dynamodb:us-east-1:...:table/AuthTable");
    expect(record.principal).toBe("arn:aws:sts::...:assumed-role/api-role/api-fn");
    expect(record.region).toBe("us-east-1");
  });

  it("keeps a principal ARN split by words (a hidden name) or wrapped at a line break whole", () => {
    const words = only(
      sentence("arn:aws:iam::656786582583:user/user name", "arn:aws:dynamodb:us-east-1:656786582583:table/T"),
    );
    expect(words.principal).toBe("arn:aws:iam::656786582583:user/user name");
    const wrapped = only(
      sentence(
        "arn:aws:sts::656786582583:assumed-role/orders-\napi-role/fn",
        "arn:aws:dynamodb:us-east-1:656786582583:table/T",
      ),
    );
    expect(wrapped.principal).toBe("arn:aws:sts::656786582583:assumed-role/orders-api-role/fn");
  });

  it("reads a bare user name after User:, and no principal from a sentence's other words", () => {
    expect(only(sentence("cloud_user", "arn:aws:dynamodb:us-east-1:1:table/T")).principal).toBe("cloud_user");
    const entity = only(
      "The IAM Entity is not authorized to perform: dynamodb:PutItem on resource: arn:aws:dynamodb:us-east-1:656786582583:table/T",
    );
    expect(entity.principal).toBeNull();
  });

  it("reads the Region of a CDK environment", () => {
    const text =
      "❌  Environment aws://123/eu-central-1 failed bootstrapping: AccessDenied: User: arn:aws:iam::123:user/alice " +
      "is not authorized to perform: cloudformation:DescribeStacks on resource: *** with an explicit deny in an identity-based policy";
    expect(only(text).region).toBe("eu-central-1");
  });

  it("reads an API Gateway execution log's function, method and path", () => {
    const log = [
      "Mon Nov 23 10:00:00 UTC 2026 : HTTP Method: GET, Resource Path: /pets/{petId}",
      "Mon Nov 23 10:00:00 UTC 2026 : Endpoint request URI: https://lambda.eu-west-1.amazonaws.com/2015-03-31/functions/" +
        "arn:aws:lambda:eu-west-1:123456789012:function:pets-api/invocations",
      "Mon Nov 23 10:00:00 UTC 2026 : Execution failed due to configuration error: Invalid permissions on Lambda function",
    ].join("\n");
    const record = only(log);
    expect(record).toMatchObject({
      resource: "arn:aws:lambda:eu-west-1:123456789012:function:pets-api",
      region: "eu-west-1",
      account: "123456789012",
      requestValues: { Method: "GET", ApiSpecificResourcePath: "pets/*" },
    });
  });
});

describe("a CloudTrail record pasted as a fragment of its lines", () => {
  it("takes the Region from its awsRegion key, a dozen lines from the errorMessage", () => {
    const lines = [
      '    "eventSource": "kms.amazonaws.com",',
      '    "eventName": "Decrypt",',
      '    "awsRegion": "ap-northeast-1",',
      '    "sourceIPAddress": "config.amazonaws.com",',
      '    "userAgent": "config.amazonaws.com",',
      '    "errorCode": "AccessDenied",',
      '    "errorMessage": "User: arn:aws:sts::111122223333:assumed-role/config-role/session is not authorized to perform: ' +
        'kms:Decrypt on resource: *** because no identity-based policy allows the kms:Decrypt action",',
    ];
    expect(only(lines.join("\n")).region).toBe("ap-northeast-1");
  });
});
