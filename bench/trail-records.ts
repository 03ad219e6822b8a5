/**
 * Deterministic, realistic CloudTrail records for the trail benchmark: a mix of services, IAM users,
 * Lambda, SSO and EC2 roles and AWS services; about 3% denials across the IAM message families and
 * about 4% other errors (throttling, missing resources, validation).
 */

import { createRandom } from "../lib/demo";

const ACCOUNT = "123456789012";
const OTHER_ACCOUNT = "210987654321";
const REGIONS = ["us-east-1", "us-east-1", "us-east-1", "eu-west-1", "us-west-2", "ap-southeast-2"];

export type Random = () => number;

/** The demo data's seeded generator, so the file is the same on every machine. */
export function seededRandom(seed: number): Random {
  const random = createRandom(seed);
  return () => random.next();
}

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function hex(random: Random, length: number): string {
  let text = "";
  while (text.length < length)
    text += Math.floor(random() * 0x100000000)
      .toString(16)
      .padStart(8, "0");
  return text.slice(0, length);
}

function uuid(random: Random): string {
  const h = hex(random, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
}

function upperId(random: Random, prefix: string): string {
  return `${prefix}${hex(random, 16).toUpperCase()}`;
}

interface Identity {
  userIdentity: Record<string, unknown>;
  arn: string;
  userAgent: string;
  sourceIPAddress: string;
}

const USERS = ["alice", "bob", "ci-deployer", "terraform", "backup-operator"];
const FUNCTIONS = ["orders-api", "nightly-report", "image-resizer", "billing-sync", "audit-export", "webhook-relay"];
const SSO_ROLES = [
  "AWSReservedSSO_AdministratorAccess_8a2b4c6d8e0f1a2b",
  "AWSReservedSSO_ReadOnly_1c3e5a7b9d0f2e4a",
  "AWSReservedSSO_Developer_5d7f9b1c3e5a7c9e",
];
const AGENTS = [
  "aws-cli/2.17.20 md/awscrt#0.20.11 ua/2.0 os/linux#6.8.0 md/arch#x86_64 lang/python#3.11.9 " +
    "md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe sid/7a3c",
  "Boto3/1.34.144 md/Botocore#1.34.144 ua/2.0 os/linux#5.10.219-208.866.amzn2.x86_64 md/arch#x86_64 " +
    "lang/python#3.12.3 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.144",
  "aws-sdk-go-v2/1.30.3 os/linux lang/go#1.22.5 md/GOOS#linux md/GOARCH#amd64 api/s3#1.58.2",
  "APN/1.0 HashiCorp/1.0 Terraform/1.9.2 (+https://www.terraform.io) terraform-provider-aws/5.59.0 " +
    "(+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.30.3",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
];

function identity(random: Random): Identity {
  const roll = random();
  const ip = `${Math.floor(random() * 200) + 20}.${Math.floor(random() * 255)}.${Math.floor(random() * 255)}.${Math.floor(random() * 255)}`;
  if (roll < 0.3) {
    const user = pick(random, USERS);
    const arn = `arn:aws:iam::${ACCOUNT}:user/${user}`;
    return {
      arn,
      userAgent: pick(random, AGENTS),
      sourceIPAddress: ip,
      userIdentity: {
        type: "IAMUser",
        principalId: upperId(random, "AIDA"),
        arn,
        accountId: ACCOUNT,
        accessKeyId: upperId(random, "AKIA"),
        userName: user,
      },
    };
  }
  if (roll < 0.85) {
    const lambda = roll < 0.6;
    const roleName = lambda
      ? `${pick(random, FUNCTIONS)}-role`
      : pick(random, [...SSO_ROLES, "ec2-app-instance-role", "github-actions-deploy"]);
    const session = lambda
      ? roleName.replace(/-role$/, "")
      : roleName.startsWith("AWSReservedSSO")
        ? `${pick(random, USERS)}@example.com`
        : `i-${hex(random, 17)}`;
    const roleId = upperId(random, "AROA");
    const arn = `arn:aws:sts::${ACCOUNT}:assumed-role/${roleName}/${session}`;
    return {
      arn,
      userAgent: lambda
        ? "Boto3/1.34.126 md/Botocore#1.34.126 ua/2.0 os/linux#5.10.219 md/arch#x86_64 lang/python#3.12.4 " +
          "md/pyimpl#CPython exec-env/AWS_Lambda_python3.12 cfg/retry-mode#legacy"
        : pick(random, AGENTS),
      sourceIPAddress: ip,
      userIdentity: {
        type: "AssumedRole",
        principalId: `${roleId}:${session}`,
        arn,
        accountId: ACCOUNT,
        accessKeyId: upperId(random, "ASIA"),
        sessionContext: {
          sessionIssuer: {
            type: "Role",
            principalId: roleId,
            arn: `arn:aws:iam::${ACCOUNT}:role/${roleName}`,
            accountId: ACCOUNT,
            userName: roleName,
          },
          attributes: { creationDate: "2026-03-14T08:12:41Z", mfaAuthenticated: "false" },
        },
      },
    };
  }
  const service = pick(random, [
    "lambda.amazonaws.com",
    "cloudformation.amazonaws.com",
    "autoscaling.amazonaws.com",
    "config.amazonaws.com",
  ]);
  return {
    arn: service,
    userAgent: service,
    sourceIPAddress: service,
    userIdentity: { type: "AWSService", invokedBy: service },
  };
}

interface Call {
  source: string;
  name: string;
  action: string;
  resource: string;
  readOnly: boolean;
  requestParameters: Record<string, unknown> | null;
}

const RESOURCE_TYPES: Record<string, string> = {
  s3: "AWS::S3::Object",
  dynamodb: "AWS::DynamoDB::Table",
  kms: "AWS::KMS::Key",
  secretsmanager: "AWS::SecretsManager::Secret",
  logs: "AWS::Logs::LogGroup",
  sqs: "AWS::SQS::Queue",
  ec2: "AWS::EC2::Instance",
  sts: "AWS::IAM::Role",
  iam: "AWS::IAM::Role",
  lambda: "AWS::Lambda::Function",
  sns: "AWS::SNS::Topic",
};

type CallMaker = (random: Random, region: string) => Call;

const CALLS: CallMaker[] = [
  (r, region) => {
    const bucket = `orders-${pick(r, ["incoming", "archive", "reports"])}-${region}`;
    const key = `2026/03/14/${hex(r, 12)}.json`;
    return {
      source: "s3",
      name: "GetObject",
      action: "s3:GetObject",
      resource: `arn:aws:s3:::${bucket}/${key}`,
      readOnly: true,
      requestParameters: { bucketName: bucket, Host: `${bucket}.s3.${region}.amazonaws.com`, key },
    };
  },
  (r, region) => {
    const bucket = `orders-${pick(r, ["incoming", "archive"])}-${region}`;
    const key = `uploads/${hex(r, 16)}.csv`;
    return {
      source: "s3",
      name: "PutObject",
      action: "s3:PutObject",
      resource: `arn:aws:s3:::${bucket}/${key}`,
      readOnly: false,
      requestParameters: {
        bucketName: bucket,
        Host: `${bucket}.s3.${region}.amazonaws.com`,
        key,
        "x-amz-server-side-encryption": "aws:kms",
      },
    };
  },
  (r, region) => {
    const table = pick(r, ["Orders", "Customers", "Sessions"]);
    return {
      source: "dynamodb",
      name: "PutItem",
      action: "dynamodb:PutItem",
      resource: `arn:aws:dynamodb:${region}:${ACCOUNT}:table/${table}`,
      readOnly: false,
      requestParameters: { tableName: table, key: { pk: `ORDER#${hex(r, 10)}` } },
    };
  },
  (r, region) => {
    const key = uuid(r);
    return {
      source: "kms",
      name: "Decrypt",
      action: "kms:Decrypt",
      resource: `arn:aws:kms:${region}:${ACCOUNT}:key/${key}`,
      readOnly: true,
      requestParameters: {
        encryptionAlgorithm: "SYMMETRIC_DEFAULT",
        encryptionContext: { aws_lambda_FunctionName: pick(r, FUNCTIONS) },
      },
    };
  },
  (r, region) => {
    const secret = `prod/${pick(r, ["db", "stripe", "github"])}-${hex(r, 6)}`;
    return {
      source: "secretsmanager",
      name: "GetSecretValue",
      action: "secretsmanager:GetSecretValue",
      resource: `arn:aws:secretsmanager:${region}:${ACCOUNT}:secret:${secret}`,
      readOnly: true,
      requestParameters: { secretId: secret },
    };
  },
  (r, region) => {
    const fn = pick(r, FUNCTIONS);
    return {
      source: "logs",
      name: "CreateLogStream",
      action: "logs:CreateLogStream",
      resource: `arn:aws:logs:${region}:${ACCOUNT}:log-group:/aws/lambda/${fn}:log-stream:2026/03/14/[$LATEST]${hex(r, 32)}`,
      readOnly: false,
      requestParameters: { logGroupName: `/aws/lambda/${fn}`, logStreamName: `2026/03/14/[$LATEST]${hex(r, 32)}` },
    };
  },
  (r, region) => {
    const queue = `jobs-${pick(r, ["high", "low", "dlq"])}`;
    return {
      source: "sqs",
      name: "SendMessage",
      action: "sqs:SendMessage",
      resource: `arn:aws:sqs:${region}:${ACCOUNT}:${queue}`,
      readOnly: false,
      requestParameters: {
        queueUrl: `https://sqs.${region}.amazonaws.com/${ACCOUNT}/${queue}`,
        messageGroupId: hex(r, 8),
      },
    };
  },
  (r, region) => {
    const id = `i-${hex(r, 17)}`;
    return {
      source: "ec2",
      name: "DescribeInstances",
      action: "ec2:DescribeInstances",
      resource: `arn:aws:ec2:${region}:${ACCOUNT}:instance/${id}`,
      readOnly: true,
      requestParameters: { instancesSet: { items: [{ instanceId: id }] }, filterSet: {} },
    };
  },
  (r, region) => {
    const id = `i-${hex(r, 17)}`;
    return {
      source: "ec2",
      name: "RunInstances",
      action: "ec2:RunInstances",
      resource: `arn:aws:ec2:${region}:${ACCOUNT}:instance/*`,
      readOnly: false,
      requestParameters: {
        instancesSet: { items: [{ imageId: `ami-${hex(r, 17)}`, minCount: 1, maxCount: 1 }] },
        instanceType: "t3.micro",
        clientToken: id,
      },
    };
  },
  (r) => {
    const role = pick(r, ["deploy-role", "audit-role", "break-glass"]);
    return {
      source: "sts",
      name: "AssumeRole",
      action: "sts:AssumeRole",
      resource: `arn:aws:iam::${OTHER_ACCOUNT}:role/${role}`,
      readOnly: true,
      requestParameters: {
        roleArn: `arn:aws:iam::${OTHER_ACCOUNT}:role/${role}`,
        roleSessionName: `session-${hex(r, 8)}`,
        durationSeconds: 3600,
      },
    };
  },
  (r) => {
    const role = `${pick(r, FUNCTIONS)}-role`;
    return {
      source: "iam",
      name: "GetRole",
      action: "iam:GetRole",
      resource: `arn:aws:iam::${ACCOUNT}:role/${role}`,
      readOnly: true,
      requestParameters: { roleName: role },
    };
  },
  (r, region) => {
    const fn = pick(r, FUNCTIONS);
    return {
      source: "lambda",
      name: "UpdateFunctionCode20150331v2",
      action: "lambda:UpdateFunctionCode",
      resource: `arn:aws:lambda:${region}:${ACCOUNT}:function:${fn}`,
      readOnly: false,
      requestParameters: { functionName: fn, publish: true, dryRun: false },
    };
  },
  (r, region) => {
    const topic = `alerts-${pick(r, ["ops", "billing"])}`;
    return {
      source: "sns",
      name: "Publish",
      action: "SNS:Publish",
      resource: `arn:aws:sns:${region}:${ACCOUNT}:${topic}`,
      readOnly: false,
      requestParameters: { topicArn: `arn:aws:sns:${region}:${ACCOUNT}:${topic}`, messageStructure: "json" },
    };
  },
  (r, region) => ({
    source: "monitoring",
    name: "PutMetricData",
    action: "cloudwatch:PutMetricData",
    resource: "*",
    readOnly: false,
    requestParameters: {
      namespace: `App/${pick(r, FUNCTIONS)}`,
      metricData: [{ metricName: "Latency", unit: "Milliseconds", value: Math.round(r() * 900) }],
      region,
    },
  }),
];

const REASONS = [
  "because no identity-based policy allows the {action} action",
  "because no identity-based policy allows the {action} action",
  "because no resource-based policy allows the {action} action",
  "with an explicit deny in a service control policy",
  "with an explicit deny in a resource control policy",
  "because no permissions boundary allows the {action} action",
  "because no session policy allows the {action} action",
  "because no VPC endpoint policy allows the {action} action",
  "with an explicit deny in an identity-based policy",
  "",
];

const OTHER_ERRORS: [string, string][] = [
  ["ThrottlingException", "Rate exceeded"],
  ["ResourceNotFoundException", "Requested resource not found"],
  ["NoSuchEntityException", "The role with name audit-role cannot be found."],
  [
    "ValidationException",
    "1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null",
  ],
  ["ConditionalCheckFailedException", "The conditional request failed"],
  ["InvalidParameterValueException", "Unzipped size must be smaller than 262144000 bytes"],
  ["NoSuchBucketPolicy", "The bucket policy does not exist"],
];

function denial(random: Random, call: Call, principal: string): { errorCode: string; errorMessage: string } {
  if (call.source === "ec2" && random() < 0.5) {
    return {
      errorCode: "Client.UnauthorizedOperation",
      errorMessage: `You are not authorized to perform this operation. Encoded authorization failure message: ${hex(random, 120)}`,
    };
  }
  if (call.source === "s3" && random() < 0.3) return { errorCode: "AccessDenied", errorMessage: "Access Denied" };
  const reason = pick(random, REASONS).replace("{action}", call.action);
  const sentence = `User: ${principal} is not authorized to perform: ${call.action} on resource: ${call.resource}${reason ? ` ${reason}` : ""}`;
  const code =
    call.source === "ec2"
      ? "Client.UnauthorizedOperation"
      : ["s3", "sts", "iam", "sqs", "kms", "logs"].includes(call.source)
        ? "AccessDenied"
        : "AccessDeniedException";
  return {
    errorCode: code,
    errorMessage:
      call.source === "ec2"
        ? `You are not authorized to perform this operation. ${sentence}. Encoded authorization failure message: ${hex(random, 96)}`
        : sentence,
  };
}

export const DENIAL_SHARE = 0.03;
export const OTHER_ERROR_SHARE = 0.04;

function errorOf(random: Random, call: Call, principal: string): { errorCode: string; errorMessage: string } | null {
  const roll = random();
  if (roll < DENIAL_SHARE) return denial(random, call, principal);
  if (roll >= DENIAL_SHARE + OTHER_ERROR_SHARE) return null;
  const [errorCode, errorMessage] = pick(random, OTHER_ERRORS);
  return { errorCode, errorMessage };
}

/** The `index`-th record of the benchmark's trail, as CloudTrail writes it. */
export function trailRecord(random: Random, index: number): Record<string, unknown> {
  const region = pick(random, REGIONS);
  const who = identity(random);
  const call = pick(random, CALLS)(random, region);
  const outcome = errorOf(random, call, who.arn);
  const time = new Date(Date.UTC(2026, 2, 14) + index * 250).toISOString().replace(/\.\d{3}Z$/, "Z");
  return {
    eventVersion: "1.10",
    userIdentity: who.userIdentity,
    eventTime: time,
    eventSource: `${call.source}.amazonaws.com`,
    eventName: call.name,
    awsRegion: region,
    sourceIPAddress: who.sourceIPAddress,
    userAgent: who.userAgent,
    ...outcome,
    requestParameters: call.requestParameters,
    responseElements: outcome || call.readOnly ? null : { requestId: uuid(random) },
    requestID: uuid(random),
    eventID: uuid(random),
    readOnly: call.readOnly,
    resources:
      call.resource === "*"
        ? undefined
        : [{ accountId: ACCOUNT, type: RESOURCE_TYPES[call.source], ARN: call.resource }],
    eventType: "AwsApiCall",
    managementEvent: !["GetObject", "PutObject", "PutItem"].includes(call.name),
    recipientAccountId: ACCOUNT,
    eventCategory: ["GetObject", "PutObject", "PutItem"].includes(call.name) ? "Data" : "Management",
    tlsDetails: {
      tlsVersion: "TLSv1.3",
      cipherSuite: "TLS_AES_128_GCM_SHA256",
      clientProvidedHostHeader: `${call.source}.${region}.amazonaws.com`,
    },
  };
}
