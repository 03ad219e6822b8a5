import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { ActionCatalog } from "../iam";
import { loadCatalog } from "../catalog";
import { actionKeys, diagnoseParsed } from "../diagnose";
import { parseDenials } from "../parse";
import { withinBudget } from "../testing/time-budget";

let catalog: ActionCatalog;
const TEXTS = {
  listBucket:
    "User: arn:aws:sts::123456789012:assumed-role/app-role/app-fn is not authorized to perform: " +
    "s3:ListBucket on resource: arn:aws:s3:::my-bucket because no identity-based policy allows the " +
    "s3:ListBucket action",
  getObject:
    "User: arn:aws:sts::123456789012:assumed-role/app-role/app-fn is not authorized to perform: " +
    "s3:GetObject on resource: arn:aws:s3:::my-bucket/a/b.json because no identity-based policy allows " +
    "the s3:GetObject action",
  logStream:
    "User: arn:aws:sts::123456789012:assumed-role/app-role/app-fn is not authorized to perform: " +
    "logs:CreateLogStream on resource: " +
    "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/app-fn:log-stream:2026/01/01/[$LATEST]abc " +
    "because no identity-based policy allows the logs:CreateLogStream action",
  ecr:
    "User: arn:aws:sts::123456789012:assumed-role/app-role/app-fn is not authorized to perform: " +
    "ecr:GetAuthorizationToken on resource: * because no identity-based policy allows the " +
    "ecr:GetAuthorizationToken action",
  secretName:
    "User: arn:aws:sts::123456789012:assumed-role/app-role/app-fn is not authorized to perform: " +
    "secretsmanager:GetSecretValue on resource: prod/db because no identity-based policy allows the " +
    "secretsmanager:GetSecretValue action",
  kmsKey:
    "User: arn:aws:sts::123456789012:assumed-role/app-role/app-fn is not authorized to perform: " +
    "kms:Decrypt on resource: arn:aws:kms:us-east-1:123456789012:key/k-1 because no resource-based " +
    "policy allows the kms:Decrypt action",
  apiGateway: "Execution failed due to configuration error: Invalid permissions on Lambda function",
  notAssumable: "The role defined for the function cannot be assumed by Lambda.",
  scp:
    "User: arn:aws:sts::123456789012:assumed-role/app-role/app-fn is not authorized to perform: " +
    "s3:GetObject on resource: arn:aws:s3:::b/k with an explicit deny in a service control policy",
  china:
    "User: arn:aws-cn:sts::123456789012:assumed-role/app-role/app-fn is not authorized to perform: " +
    "s3:GetObject on resource: arn:aws-cn:s3:::cn-bucket/k because no identity-based policy allows the " +
    "s3:GetObject action",
  sqsLegacy:
    "An error occurred (AccessDenied) when calling the SendMessage operation: Access to the resource https://sqs.us-east-1.amazonaws.com/ is denied.",
  craftedResource:
    `User: arn:aws:sts::123456789012:assumed-role/app-role/app-fn is not authorized to perform: ` +
    `mobiletargeting:GetJourneyExecutionActivityMetrics on resource: ` +
    `arn:aws:mobiletargeting:us-east-1:123456789012:apps/${"a/journeys/a/activities/".repeat(5_000)}x ` +
    `because no identity-based policy allows the mobiletargeting:GetJourneyExecutionActivityMetrics ` +
    `action`,
  journeyMetrics:
    "User: arn:aws:sts::123456789012:assumed-role/app-role/app-fn is not authorized to perform: " +
    "mobiletargeting:GetJourneyExecutionActivityMetrics on resource: " +
    "arn:aws:mobiletargeting:us-east-1:123456789012:apps/app-1/journeys/j-2/activities/act-3/execution-metrics " +
    "because no identity-based policy allows the mobiletargeting:GetJourneyExecutionActivityMetrics " +
    "action",
  partnerSecret:
    "User: arn:aws:sts::123456789012:assumed-role/app-role/app-fn is not authorized to perform: " +
    "secretsmanager:GetSecretValue on resource: " +
    "arn:aws:secretsmanager:us-east-1:444455556666:secret:partner-AbCdEf because no resource-based " +
    "policy allows the secretsmanager:GetSecretValue action",
  redacted:
    "User: arn:aws:sts::XXXXXXXXXXXX:assumed-role/app-role/app-fn is not authorized to perform: " +
    "dynamodb:GetItem on this resource because no identity-based policy allows the dynamodb:GetItem " +
    "action",
  logGroupWithTags:
    'returned message: "User with accountId: 254377943029 is not authorized to perform CreateLogGroup with Tags"',
  bedrockModel:
    "User: arn:aws:sts::123456789012:assumed-role/search/SageMaker is not authorized to perform: bedrock:InvokeModel " +
    "on resource: arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0 because no " +
    "identity-based policy allows the bedrock:InvokeModel action",
  ssmUnnamed:
    "User: arn:aws:sts::123456789012:assumed-role/build/run is not authorized to perform: ssm:GetParameter on " +
    "resource: arn:aws:ssm:eu-central-1:123456789012:* because no identity-based policy allows the ssm:GetParameter action",
};

const VPC_ENDPOINT_EVENT = JSON.stringify({
  eventSource: "kms.amazonaws.com",
  eventName: "ListKeys",
  awsRegion: "us-east-1",
  errorCode: "VpceAccessDenied",
  errorMessage: "The request was denied due to a VPC endpoint policy",
  eventType: "AwsVpceEvent",
  recipientAccountId: "123456789012",
  vpcEndpointId: "vpce-0a1b2c3d4e5f67890",
  eventCategory: "NetworkActivity",
});

const BARE_S3_DENIAL =
  "com.amazonaws.services.s3.model.AmazonS3Exception: Access Denied (Service: Amazon S3; Status Code: 403; " +
  "Error Code: AccessDenied; Request ID: 8A1B)";

beforeAll(async () => {
  catalog = await loadCatalog(
    [...Object.values(TEXTS), VPC_ENDPOINT_EVENT, BARE_S3_DENIAL].flatMap((text) =>
      actionKeys(parseDenials(text).records),
    ),
  );
});

function topFix(text: string) {
  const finding = diagnoseParsed(parseDenials(text), catalog).findings[0];
  if (!finding) throw new Error("no finding");
  return finding.fix;
}

/** The JSON document inside `--policy-document '…'`. */
function policyFromCli(cli: string): { Statement: { Resource: unknown; Action: unknown }[] } {
  const match = /--policy-document '(.+)'$/.exec(cli);
  return policySchema.parse(JSON.parse(match?.[1] ?? "null"));
}

const policySchema = z.object({ Statement: z.array(z.object({ Resource: z.unknown(), Action: z.unknown() })) });

describe("least-privilege scope from the IAM reference", () => {
  it.each([
    ["listBucket", "arn:aws:s3:::my-bucket"],
    ["getObject", "arn:aws:s3:::my-bucket/*"],
    ["logStream", "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/app-fn:log-stream:*"],
    ["ecr", "*"],
    ["secretName", "arn:aws:secretsmanager:<REGION>:123456789012:secret:prod/db-*"],
  ] as const)("%s → %s", (name, resource) => {
    const fix = topFix(TEXTS[name]);
    expect(fix.statement?.Resource).toBe(resource);
    expect(policyFromCli(fix.cli).Statement[0]?.Resource).toBe(resource);
    expect(fix.cli).toContain("aws iam put-role-policy --role-name app-role");
    expect(fix.terraform).toContain('role   = "app-role"');
    expect(fix.sam).toContain("AWS::Serverless::Function");
  });
});

describe("fixes per layer", () => {
  it("KMS key policy names the role, not the session, and offers a grant", () => {
    const fix = topFix(TEXTS.kmsKey);
    expect(fix.layer).toBe("kms-key-policy");
    expect(fix.statement?.Principal).toEqual({ AWS: "arn:aws:iam::123456789012:role/app-role" });
    expect(fix.cli).toContain(
      "aws kms create-grant --key-id arn:aws:kms:us-east-1:123456789012:key/k-1 " +
        "--grantee-principal arn:aws:iam::123456789012:role/app-role --operations Decrypt",
    );
    expect(fix.owner).toBe("key-admin");
  });

  it("asks the key for the data key a write needs when the service call, not KMS, was denied", () => {
    const finding = diagnoseParsed(parseDenials(TEXTS.sqsLegacy), catalog).findings[0];
    const keyFix = finding?.candidates.find((candidate) => candidate.layer === "kms-key-policy")?.fix;
    expect(finding?.action).toBe("sqs:SendMessage");
    expect(keyFix?.statement?.Action).toBe("kms:GenerateDataKey");
    expect(keyFix?.cli).toContain("--operations GenerateDataKey");
  });

  it("API Gateway gets lambda add-permission with a source ARN", () => {
    const fix = topFix(TEXTS.apiGateway);
    expect(fix.cli).toMatch(
      /aws lambda add-permission .*--principal apigateway\.amazonaws\.com --source-arn 'arn:aws:execute-api:<REGION>:<ACCOUNT_ID>:<API_ID>\/\*'/,
    );
    expect(fix.placeholders).toEqual(expect.arrayContaining(["FUNCTION_NAME", "API_ID"]));
    expect(fix.terraform).toContain("aws_lambda_permission");
    expect(fix.consoleUrl).toBeNull();
  });

  it("a role in another account invoking a function: the function's owner adds the permission, and both sides allow", () => {
    const fix = topFix(
      "User: arn:aws:sts::111122223333:assumed-role/ci-deployer/GitHubActions is not authorized to perform: " +
        "lambda:InvokeFunction on resource: arn:aws:lambda:eu-west-1:444455556666:function:orders-api because no " +
        "resource-based policy allows the lambda:InvokeFunction action",
    );
    expect(fix.owner).toBe("resource-owner");
    expect(fix.statement?.Principal).toEqual({ AWS: "arn:aws:iam::111122223333:role/ci-deployer" });
    expect(fix.notes).toEqual(
      expect.arrayContaining([
        expect.stringContaining("belongs to account 444455556666"),
        expect.stringContaining("caller's own role must also allow lambda:InvokeFunction"),
      ]),
    );
  });

  it("a role invoking a function of its own account: one Allow is enough, so no cross-account note", () => {
    const fix = topFix(
      "User: arn:aws:sts::111122223333:assumed-role/ci-deployer/GitHubActions is not authorized to perform: " +
        "lambda:InvokeFunction on resource: arn:aws:lambda:eu-west-1:111122223333:function:orders-api because no " +
        "resource-based policy allows the lambda:InvokeFunction action",
    );
    expect(fix.owner).toBe("you");
    expect(fix.notes.join(" ")).not.toMatch(/account|Across/);
  });

  it("role not assumable → trust policy for lambda.amazonaws.com", () => {
    const fix = topFix(TEXTS.notAssumable);
    expect(fix.statement).toMatchObject({ Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" });
  });

  it("guardrail snippets edit the existing policy and never replace it with one statement", () => {
    const fix = topFix(TEXTS.scp);
    expect(fix.statement).toBeNull();
    expect(fix.terraform).not.toContain('resource "aws_organizations_policy"');
    expect(fix.terraform).toMatch(/^# Edit the existing aws_organizations_policy .* add this Condition/);
    expect(fix.terraform).toContain('"aws:PrincipalArn" = "arn:aws:iam::123456789012:role/app-role"');
    expect(fix.sam).toMatch(/^# Edit the existing AWS::Organizations::Policy/);
    expect(fix.cli).toContain(
      "aws organizations describe-policy --policy-id <SCP_ID> --query Policy.Content --output text > scp.json",
    );
    expect(fix.cli).toContain(
      'add "Condition": {"ArnNotLike":{"aws:PrincipalArn":"arn:aws:iam::123456789012:role/app-role"}}',
    );
  });

  it("guardrails name an owner and give a request to send", () => {
    const fix = topFix(TEXTS.scp);
    expect(fix.layer).toBe("scp");
    expect(fix.owner).toBe("organization-admin");
    expect(fix.requestText).toContain("arn:aws:iam::123456789012:role/app-role");
  });

  it("carries the partition into ARNs and the console host", () => {
    const fix = topFix(TEXTS.china);
    expect(fix.statement?.Resource).toBe("arn:aws-cn:s3:::cn-bucket/*");
    expect(fix.consoleUrl).toContain("console.amazonaws.cn");
  });

  it("scopes a resource with several variables, and reads a crafted one in one pass rather than backtracking", () => {
    expect(topFix(TEXTS.journeyMetrics).statement?.Resource).toBe(
      "arn:aws:mobiletargeting:us-east-1:123456789012:apps/app-1/journeys/j-2/activities/*/execution-metrics",
    );
    // Three lazy regex groups backtrack cubically here (600 repeats: 0.5 s; these 5,000: minutes); one pass sees at once it is not of the type.
    // Of no type's shape, the ARN is copied, and the action's required type is named beside it.
    expect(withinBudget(2_000, () => topFix(TEXTS.craftedResource)).statement?.Resource).toEqual([
      expect.stringMatching(/^arn:aws:mobiletargeting:us-east-1:123456789012:apps\/a\/journeys\//),
      "arn:aws:mobiletargeting:us-east-1:123456789012:apps/*/journeys/*/activities/*/execution-metrics",
    ]);
  });

  it("sends a cross-account resource-policy fix to the owning account, with the key it needs", () => {
    const fix = topFix(TEXTS.partnerSecret);
    expect(fix.owner).toBe("resource-owner");
    expect(fix.requestText).toContain(
      "(account 444455556666). Could you add this statement to its secret's resource policy?",
    );
    expect(fix.notes.join(" ")).toContain("customer managed KMS key (not aws/secretsmanager)");
  });

  it("lists what the message hid as placeholders", () => {
    const fix = topFix(TEXTS.redacted);
    expect(fix.placeholders).toEqual(expect.arrayContaining(["ACCOUNT_ID", "TABLE_NAME"]));
  });
});

describe("scope without a resource ARN", () => {
  it("takes the resource type the operation names among the action's many", () => {
    expect(topFix(TEXTS.logGroupWithTags).statement?.Resource).toBe(
      "arn:aws:logs:<REGION>:254377943029:log-group:<LOG_GROUP_NAME>",
    );
  });
});

describe("actions whose resource types are alternatives", () => {
  it("grants bedrock:InvokeModel on the one model the message names, not on every type the reference lists", () => {
    expect(topFix(TEXTS.bedrockModel).statement?.Resource).toBe(
      "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0",
    );
  });
});

describe("an SSM denial on arn:…:*", () => {
  it("grants the parameter the call should name, not every SSM resource, and says why AWS named none", () => {
    const fix = topFix(TEXTS.ssmUnnamed);
    expect(fix.statement?.Resource).toBe(
      "arn:aws:ssm:eu-central-1:123456789012:parameter/<PARAMETER_NAME_WITHOUT_LEADING_SLASH>",
    );
    expect(fix.notes.join(" ")).toContain("empty or malformed name");
  });
});

describe("a VPC endpoint's network activity event", () => {
  it("edits the policy of the endpoint the record names", () => {
    const fix = topFix(VPC_ENDPOINT_EVENT);
    expect(fix.layer).toBe("vpc-endpoint-policy");
    expect(fix.cli).toContain("aws ec2 modify-vpc-endpoint --vpc-endpoint-id vpce-0a1b2c3d4e5f67890 ");
    expect(fix.placeholders).not.toContain("VPCE_ID");
  });
});

describe("a denial that names no action", () => {
  it("says how to find the denied call instead of calling a missing action unknown", () => {
    const fix = topFix(BARE_S3_DENIAL);
    expect(fix.statement).toBeNull();
    expect(fix.title).toBe("Find which call was denied: the message names no action");
    expect(fix.cli).toContain("AttributeValue=s3.amazonaws.com");
    expect(fix.notes.join(" ")).toContain("data events");
    expect(fix.placeholders).toEqual([]);
  });
});
