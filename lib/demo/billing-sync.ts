import { FUNCTIONS, KEYS, PARTNER_READER_ROLE, SECRETS, parameterArn } from "./account";
import { assumedRoleArn } from "./callers";
import { HOUR, MINUTE, SECOND, periodic, type SeedContext } from "./context";
import { lambdaEnvironment, recordLogStreamCreation, type LambdaEnvironment } from "./lambda";
import { explicitDenyIn, noPolicyAllows, notAuthorized } from "./messages";

const fn = FUNCTIONS.billingSync;
const principal = assumedRoleArn(fn.role, fn.name);
const KEY_RESOURCE = [{ ARN: KEYS.billingLedger, type: "AWS::KMS::Key" }];

/** The two ways into the partner account, both refused: its role's trust policy and its secret's resource policy. */
function recordPartnerAccess(context: SeedContext, environment: LambdaEnvironment, timeMs: number): void {
  context.record({
    timeMs,
    region: fn.region,
    caller: environment.code("sts"),
    service: "sts",
    eventName: "AssumeRole",
    readOnly: true,
    crossAccount: true,
    error: {
      code: "AccessDenied",
      message: notAuthorized(
        principal,
        "sts:AssumeRole",
        PARTNER_READER_ROLE,
        noPolicyAllows("role trust policy", "sts:AssumeRole"),
      ),
    },
  });
  const action = "secretsmanager:GetSecretValue";
  context.record({
    timeMs: timeMs + 300,
    region: fn.region,
    caller: environment.code("secretsmanager"),
    service: "secretsmanager",
    eventName: "GetSecretValue",
    readOnly: true,
    crossAccount: true,
    requestParameters: { secretId: SECRETS.partnerApiToken },
    error: {
      code: "AccessDenied",
      message: notAuthorized(
        principal,
        action,
        SECRETS.partnerApiToken,
        noPolicyAllows("resource-based policy", action),
      ),
    },
  });
}

function recordOwnAccountReads(context: SeedContext, environment: LambdaEnvironment, timeMs: number): void {
  const call = { region: fn.region, readOnly: true };
  context.record({
    ...call,
    timeMs,
    caller: environment.code("ssm"),
    service: "ssm",
    eventName: "GetParameter",
    requestParameters: { name: "/billing/config", withDecryption: false },
    resources: [{ ARN: parameterArn(fn.region, "/billing/config") }],
  });
  context.record({
    ...call,
    timeMs: timeMs + 200,
    caller: environment.code("secretsmanager"),
    service: "secretsmanager",
    eventName: "GetSecretValue",
    requestParameters: { secretId: SECRETS.billingLedgerDb },
  });
  context.record({
    ...call,
    timeMs: timeMs + 400,
    caller: environment.code("kms"),
    service: "kms",
    eventName: "Decrypt",
    requestParameters: { encryptionAlgorithm: "SYMMETRIC_DEFAULT", encryptionContext: { ledger: "invoices" } },
    resources: KEY_RESOURCE,
  });
}

/** Encrypting the export: an SCP denies kms:GenerateDataKey without the tags it expects. */
function recordExportEncryption(context: SeedContext, environment: LambdaEnvironment, timeMs: number): void {
  const action = "kms:GenerateDataKey";
  context.record({
    timeMs,
    region: fn.region,
    caller: environment.code("kms"),
    service: "kms",
    eventName: "GenerateDataKey",
    readOnly: true,
    requestParameters: {
      keyId: KEYS.billingLedger,
      keySpec: "AES_256",
      encryptionContext: { ledger: "partner-export" },
    },
    resources: KEY_RESOURCE,
    error: {
      code: "AccessDenied",
      message: notAuthorized(principal, action, KEYS.billingLedger, explicitDenyIn("a service control policy")),
    },
  });
}

/**
 * billing-sync (us-east-1, Go): every two hours it reads its config, then tries to reach the
 * partner account 444455556666 and to encrypt an export, and is refused three different ways.
 */
export function recordBillingSync(context: SeedContext): void {
  for (const startMs of periodic(context, 2 * HOUR, { phaseMs: 15 * MINUTE, jitterMs: 10 * SECOND })) {
    const environment = lambdaEnvironment(context, fn, startMs);
    recordLogStreamCreation(context, fn, environment, startMs + 300, false);
    recordOwnAccountReads(context, environment, startMs + 800);
    recordPartnerAccess(context, environment, startMs + 2 * SECOND);
    if (context.random.chance(0.5)) recordExportEncryption(context, environment, startMs + 4 * SECOND);
  }
}
