/** The demo account, its Regions and every named resource the demo events mention. */

export const DEMO_ACCOUNT = "123456789012";
/** The partner account billing-sync reaches into. */
const PARTNER_ACCOUNT = "444455556666";

export const US_EAST_1 = "us-east-1";
export const EU_WEST_1 = "eu-west-1";

export interface DemoRole {
  name: string;
  /** The role's unique id (AROA…), as principalId and sessionIssuer show it. */
  id: string;
}

export function roleArn(role: DemoRole, account = DEMO_ACCOUNT): string {
  return `arn:aws:iam::${account}:role/${role.name}`;
}

export const ROLES = {
  ordersApi: { name: "orders-api-role", id: "AROAUJZDEGXDNCF32EPF3" },
  reports: { name: "reports-fn-role", id: "AROADHODZDOCIS2JHTLGM" },
  imageResizer: { name: "image-resizer-role", id: "AROAXGEDN73U55XTPLPFT" },
  billingSync: { name: "billing-sync-role", id: "AROA7V4SEH2KVJ72CEUVW" },
  deployCi: { name: "deploy-ci-role", id: "AROA75EFR6EDT4SYWB5WK" },
  datadog: { name: "DatadogIntegrationRole", id: "AROAH7DNSIPZZ7FK4ZRI3" },
} satisfies Record<string, DemoRole>;

export const ALICE = {
  userName: "alice",
  id: "AIDAR2WYOJFLJOOA7LQSA",
  accessKeyId: "AKIAJ2XUID5ZZZZG6ZDME",
  arn: `arn:aws:iam::${DEMO_ACCOUNT}:user/alice`,
};

export type LambdaRuntime = "nodejs20.x" | "python3.12" | "provided.al2023";

export interface DemoFunction {
  name: string;
  role: DemoRole;
  region: string;
  runtime: LambdaRuntime;
  /** What is wrong with this function's permissions, in one line. */
  summary: string;
  /** Its denials come from Lambda's own awslambda_* sessions, which a lookup by function name does not see. */
  deniedInLambdaSessions?: true;
}

export const FUNCTIONS = {
  ordersApi: {
    name: "orders-api",
    runtime: "nodejs20.x",
    role: ROLES.ordersApi,
    region: EU_WEST_1,
    summary:
      "The execution role does not allow secretsmanager:GetSecretValue on orders/db-credentials, and the " +
      "orders-payload KMS key policy does not allow the role kms:Decrypt.",
  },
  nightlyReport: {
    name: "nightly-report",
    runtime: "python3.12",
    role: ROLES.reports,
    region: US_EAST_1,
    summary:
      "The reports-data KMS key policy does not allow the role kms:Decrypt; the execution role lacks " +
      "ssm:GetParameter(s) on /reports/smtp-* and /reports/slack-webhook and logs:CreateLogStream.",
  },
  imageResizer: {
    name: "image-resizer",
    runtime: "nodejs20.x",
    role: ROLES.imageResizer,
    region: US_EAST_1,
    summary:
      "A VPC function whose execution role lacks ec2:CreateNetworkInterface, so Lambda cannot create its network interfaces.",
    deniedInLambdaSessions: true,
  },
  billingSync: {
    name: "billing-sync",
    runtime: "provided.al2023",
    role: ROLES.billingSync,
    region: US_EAST_1,
    summary:
      "Cross-account: the partner's secret policy and billing-reader trust policy do not allow the role, and an SCP denies kms:GenerateDataKey.",
  },
} satisfies Record<string, DemoFunction>;

export const KEYS = {
  ordersPayload: `arn:aws:kms:${EU_WEST_1}:${DEMO_ACCOUNT}:key/4f8c2a1e-6b3d-4e7a-9c15-2d8e0f7b3a61`,
  reportsData: `arn:aws:kms:${US_EAST_1}:${DEMO_ACCOUNT}:key/9a7d3c2b-1e4f-4b8a-8d6c-5f2e1a0b9c74`,
  billingLedger: `arn:aws:kms:${US_EAST_1}:${DEMO_ACCOUNT}:key/c3e1b5d7-8a2f-4c6e-b9d0-7e4a1f2c8b35`,
};

export const SECRETS = {
  ordersDb: `arn:aws:secretsmanager:${EU_WEST_1}:${DEMO_ACCOUNT}:secret:orders/db-credentials-Xk3P9q`,
  ordersStripe: `arn:aws:secretsmanager:${EU_WEST_1}:${DEMO_ACCOUNT}:secret:orders/stripe-api-key-Lm7Rt2`,
  billingLedgerDb: `arn:aws:secretsmanager:${US_EAST_1}:${DEMO_ACCOUNT}:secret:billing/ledger-db-Qe5Hs1`,
  partnerApiToken: `arn:aws:secretsmanager:${US_EAST_1}:${PARTNER_ACCOUNT}:secret:billing/partner-api-token-Vb8Nw4`,
};

export const PARTNER_READER_ROLE = `arn:aws:iam::${PARTNER_ACCOUNT}:role/billing-reader`;
export const PROD_ADMIN_ROLE = `arn:aws:iam::${DEMO_ACCOUNT}:role/prod-admin`;

export function parameterArn(region: string, name: string): string {
  return `arn:aws:ssm:${region}:${DEMO_ACCOUNT}:parameter${name}`;
}

export function functionArn(region: string, name: string): string {
  return `arn:aws:lambda:${region}:${DEMO_ACCOUNT}:function:${name}`;
}

export function logGroupArn(region: string, functionName: string): string {
  return `arn:aws:logs:${region}:${DEMO_ACCOUNT}:log-group:/aws/lambda/${functionName}`;
}
