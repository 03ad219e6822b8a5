import { describe, expect, it } from "vitest";
import { diagnose } from "../catalog";
import type { Fix, Layer } from "../wire";

/** A denied CloudTrail record of an assumed-role session (the shape of invictus-ir/aws_dataset's). */
function record(fields: Record<string, unknown>): string {
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

const sentence = (principal: string, action: string, resource: string, policy = "identity-based") =>
  `User: ${principal} is not authorized to perform: ${action} on resource: ${resource} ` +
  `because no ${policy} policy allows the ${action} action`;

const anonymousInvoke = (resource: string) =>
  `{"Message":"User: anonymous is not authorized to perform: execute-api:Invoke on resource: ${resource}"}`;

async function fixOf(text: string, layer?: Layer): Promise<Fix> {
  const diagnosis = await diagnose(text);
  if (!diagnosis.ok) throw new Error(diagnosis.error.message);
  const finding = diagnosis.value.findings[0];
  if (!finding) throw new Error("no finding");
  const candidate = layer ? finding.candidates.find((each) => each.layer === layer) : finding.candidates[0];
  if (!candidate) throw new Error(`no ${layer} candidate`);
  return candidate.fix;
}

describe("fixes name what the request named", () => {
  it("scopes to the instance of requestParameters.instanceId, with no placeholder left", async () => {
    const fix = await fixOf(record({ requestParameters: { instanceId: "i-durz4ux740gjqvcm" } }), "execution-role");
    expect(fix.statement?.Resource).toBe("arn:aws:ec2:us-east-1:123837392027:instance/i-durz4ux740gjqvcm");
    expect(fix.placeholders).toEqual([]);
  });

  it("scopes an S3 call to the bucket and key of the request", async () => {
    const s3 = { eventSource: "s3.amazonaws.com", errorCode: "AccessDenied", errorMessage: undefined };
    const acl = await fixOf(record({ ...s3, eventName: "PutBucketAcl", requestParameters: { bucketName: "bucket" } }));
    expect(acl.statement?.Resource).toBe("arn:aws:s3:::bucket");
    const object = await fixOf(
      record({ ...s3, eventName: "GetObject", requestParameters: { bucketName: "example-bucket", key: "a.txt" } }),
    );
    expect(object.statement?.Resource).toBe("arn:aws:s3:::example-bucket/*");
    expect(object.cli).not.toContain("<BUCKET_NAME>");
  });

  it("scopes to the secret ARN of requestParameters.secretId, in the resource policy too", async () => {
    const secret = "arn:aws:secretsmanager:us-west-2:123123123123:secret:stratus-red-team-retrieve-secret-3-gscOm8";
    const text = record({
      eventSource: "secretsmanager.amazonaws.com",
      eventName: "GetSecretValue",
      errorCode: "AccessDenied",
      errorMessage: undefined,
      requestParameters: { secretId: secret },
    });
    expect((await fixOf(text, "execution-role")).statement?.Resource).toBe(secret);
    expect((await fixOf(text, "resource-policy")).cli).toContain(`--secret-id ${secret}`);
  });

  it("fills another required resource type from the request: RunInstances' subnet", async () => {
    const fix = await fixOf(
      record({ eventName: "RunInstances", requestParameters: { subnetId: "subnet-0e540f0c7ffb48ae9" } }),
      "execution-role",
    );
    expect(fix.statement?.Resource).toContain("arn:aws:ec2:us-east-1:123837392027:subnet/subnet-0e540f0c7ffb48ae9");
  });

  it("names the caller's role from a session ARN cut before its session name", async () => {
    const userIdentity = { type: "AssumedRole", arn: "arn:aws:sts::123456789012:assumed-role/tester" };
    const fix = await fixOf(record({ userIdentity, requestParameters: { instanceId: "i-1" } }), "execution-role");
    expect(fix.cli).toContain("--role-name tester ");
  });

  it("attaches a bare user name's fix to that user, and a name given as words to no one", async () => {
    const bare = await fixOf(sentence("cloud_user", "s3:ListBucket", "arn:aws:s3:::reports"), "execution-role");
    expect(bare.cli).toContain("aws iam put-user-policy --user-name cloud_user ");
    const words = await fixOf(
      sentence("arn:aws:iam::656786582583:user/user name", "s3:ListBucket", "arn:aws:s3:::reports"),
      "execution-role",
    );
    expect(words.cli).toContain("--user-name <USER_NAME> ");
  });
});

describe("fixes never copy a hidden value as if it were real", () => {
  it.each(["*****", "XXXXXXXXXXXX", "xxx", "0000000"])("puts <ACCOUNT_ID> for the account %s", async (account) => {
    const fix = await fixOf(
      sentence(`arn:aws:sts::${account}:assumed-role/r/s`, "iam:CreateRole", `arn:aws:iam::${account}:role/app`),
      "execution-role",
    );
    expect(fix.statement?.Resource).toBe("arn:aws:iam::<ACCOUNT_ID>:role/app");
  });

  it("names a principal with a redacted account by placeholder, and no key whose ARN was redacted", async () => {
    const resourcePolicy = await fixOf(
      sentence("arn:aws:iam::***:user/alice", "s3:ListBucket", "arn:aws:s3:::reports", "resource-based"),
      "resource-policy",
    );
    expect(resourcePolicy.statement?.Principal).toEqual({ AWS: "arn:aws:iam::<ACCOUNT_ID>:user/alice" });
    const key = await fixOf(
      sentence(
        "arn:aws:iam::123456789012:user/alice",
        "kms:Decrypt",
        "arn:aws:kms:us-west-2:3915824****:key/*****-048e-4be0-b497-ca151cd223c5",
        "resource-based",
      ),
      "kms-key-policy",
    );
    expect(key.cli).toContain("--key-id <KEY_ARN> ");
  });

  it("keeps a sample account id, which is a real value", async () => {
    const fix = await fixOf(
      sentence("arn:aws:sts::123456789012:assumed-role/r/s", "iam:CreateRole", "arn:aws:iam::123456789012:role/app"),
    );
    expect(fix.statement?.Resource).toBe("arn:aws:iam::123456789012:role/app");
  });

  it("spells a writer's own placeholder the house way", async () => {
    const text = sentence(
      "anonymous",
      "execute-api:Invoke",
      "arn:aws:execute-api:eu-west-1:******:<idOfGateway>/test/GET/helloworld",
    );
    const fix = await fixOf(text);
    expect(fix.statement?.Resource).toBe("arn:aws:execute-api:eu-west-1:<ACCOUNT_ID>:<API_ID>/test/GET/helloworld");
    expect(fix.placeholders).not.toContain("idOfGateway");
  });
});

describe("execute-api and actions without resource-level scope", () => {
  it("keeps the exact method and path, and the root path's trailing slash", async () => {
    const path = await fixOf(
      anonymousInvoke("arn:aws:execute-api:us-east-1:111122223333:a1b2c3d4e5/prod/GET/items/list"),
    );
    expect(path.statement?.Resource).toBe("arn:aws:execute-api:us-east-1:111122223333:a1b2c3d4e5/prod/GET/items/list");
    const root = await fixOf(anonymousInvoke("arn:aws:execute-api:us-west-2:********2543:vd2gh6uqw3/api/GET/"));
    expect(root.statement?.Resource).toBe("arn:aws:execute-api:us-west-2:<ACCOUNT_ID>:vd2gh6uqw3/api/GET/");
  });

  it('grants kinesis:ListStreams on "*" in a statement of its own, not on the stream', async () => {
    const fix = await fixOf(
      "CREATE_FAILED | AWS::Lambda::EventSourceMapping | Cannot access stream arn:aws:kinesis:eu-west-1:352283894008:stream/orders. " +
        "Please ensure the role can perform the GetRecords, GetShardIterator, DescribeStream, and ListStreams Actions on your stream in IAM.",
      "execution-role",
    );
    expect(fix.statement?.Action).not.toContain("kinesis:ListStreams");
    expect(fix.statement?.Resource).toContain("arn:aws:kinesis:eu-west-1:352283894008:stream/orders");
    expect(fix.additionalStatements).toEqual([
      { Sid: "AllowKinesisListStreams", Effect: "Allow", Action: "kinesis:ListStreams", Resource: "*" },
    ]);
    expect(fix.cli).toContain('"Action":"kinesis:ListStreams","Resource":"*"');
  });

  it("lets API Gateway invoke the function of its execution log, for the method and path it logged", async () => {
    const fix = await fixOf(
      [
        "HTTP Method: POST, Resource Path: /orders/{id}",
        "Endpoint request URI: https://lambda.eu-west-1.amazonaws.com/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:orders/invocations",
        "Execution failed due to configuration error: Invalid permissions on Lambda function",
      ].join("\n"),
    );
    expect(fix.cli).toContain("--function-name orders ");
    expect(fix.cli).toContain("--source-arn 'arn:aws:execute-api:eu-west-1:123456789012:<API_ID>/*/POST/orders/*'");
  });
});

describe("fixes read the account and Region fields of a message's ARN", () => {
  it("treat an empty Region or account that a writer removed as hidden: a placeholder, never an empty field", async () => {
    const emr = await fixOf(
      sentence(
        "arn:aws:sts:::assumed-role/bulk-import-starter/job",
        "elasticmapreduce:AddTags",
        "arn:aws:elasticmapreduce:::cluster/*",
      ),
    );
    expect(emr.statement?.Resource).toBe("arn:aws:elasticmapreduce:<REGION>:<ACCOUNT_ID>:cluster/*");
    const ssm = await fixOf(
      sentence("arn:aws:iam:::user/deployer", "ssm:GetParameter", "arn:aws:ssm:eu-central-2::parameter/sst/bootstrap"),
    );
    expect(ssm.statement?.Resource).toBe("arn:aws:ssm:eu-central-2:<ACCOUNT_ID>:parameter/sst/bootstrap");
  });

  it("keep the empty account of AWS's own public parameters", async () => {
    const fix = await fixOf(
      sentence(
        "arn:aws:sts::123456789012:assumed-role/builder/i-0abc1234def567890",
        "ssm:GetParameter",
        "arn:aws:ssm:us-east-1::parameter/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64",
      ),
    );
    expect(fix.statement?.Resource).toBe(
      "arn:aws:ssm:us-east-1::parameter/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64",
    );
  });

  it("keep AWS's own account in the ARN of a transform AWS publishes", async () => {
    const fix = await fixOf(
      sentence(
        "arn:aws:iam::123456789012:user/deployer",
        "cloudformation:CreateChangeSet",
        "arn:aws:cloudformation:ap-southeast-2:aws:transform/Serverless-2016-10-31",
      ),
    );
    expect(fix.statement?.Resource).toContain(
      "arn:aws:cloudformation:ap-southeast-2:aws:transform/Serverless-2016-10-31",
    );
  });
});

describe("fixes for an action that names no resource of its own", () => {
  it("scope dynamodb:TagResource of an unnamed resource to a table, not to its streams", async () => {
    const fix = await fixOf("xxxxxxx is not authorized to perform: dynamodb:TagResource on resource xxxx");
    expect(fix.statement?.Resource).toBe("arn:aws:dynamodb:<REGION>:<ACCOUNT_ID>:table/<TABLE_NAME>");
  });

  it("say that a Deny on iam:CreateRole may be the guardrail requiring a permissions boundary", async () => {
    const fix = await fixOf(
      "AccessDenied: User: arn:aws:sts::111122223333:assumed-role/User-eu-west-2/jane is not authorized to perform: " +
        "iam:CreateRole on resource: arn:aws:iam::111122223333:role/irsa-app with an explicit deny",
      "execution-role",
    );
    expect(fix.notes.join(" ")).toMatch(/required permissions boundary .*--permissions-boundary/);
  });
});
