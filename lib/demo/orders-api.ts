import { FUNCTIONS, KEYS, SECRETS, parameterArn } from "./account";
import { assumedRoleArn } from "./callers";
import { HOUR, hourOfDay, isWeekday, randomTimes, type SeedContext } from "./context";
import { lambdaEnvironment, recordLogStreamCreation } from "./lambda";
import { noPolicyAllows, notAuthorized } from "./messages";

const fn = FUNCTIONS.ordersApi;
const principal = assumedRoleArn(fn.role, fn.name);
/** Under steady traffic an execution environment lives a few hours. */
const ENVIRONMENT_LIFETIME_MS = 4 * HOUR;

function busyPerHour(hourStartMs: number): number {
  const hour = hourOfDay(hourStartMs);
  return isWeekday(hourStartMs) && hour >= 7 && hour < 20 ? 6 : 2;
}

/**
 * orders-api (eu-west-1), an API behind API Gateway. Its role is allowed the Stripe key but not
 * orders/db-credentials (identity-based denial), and the orders-payload key policy lets it
 * GenerateDataKey but not Decrypt (key-policy denial).
 */
export function recordOrdersApi(context: SeedContext): void {
  const { random } = context;
  for (const timeMs of randomTimes(context, busyPerHour)) {
    const environment = lambdaEnvironment(
      context,
      fn,
      Math.floor(timeMs / ENVIRONMENT_LIFETIME_MS) * ENVIRONMENT_LIFETIME_MS,
    );
    recordLogStreamCreation(context, fn, environment, timeMs - 900, false);
    const call = { region: fn.region, readOnly: true };
    if (random.chance(0.35)) {
      context.record({
        ...call,
        timeMs: timeMs + 30,
        caller: environment.code("secrets-manager"),
        service: "secretsmanager",
        eventName: "GetSecretValue",
        requestParameters: { secretId: SECRETS.ordersStripe },
      });
    }
    if (random.chance(0.2)) {
      const action = "secretsmanager:GetSecretValue";
      context.record({
        ...call,
        timeMs: timeMs + 60,
        caller: environment.code("secrets-manager"),
        service: "secretsmanager",
        eventName: "GetSecretValue",
        requestParameters: { secretId: SECRETS.ordersDb },
        error: {
          code: "AccessDenied",
          message: notAuthorized(principal, action, SECRETS.ordersDb, noPolicyAllows("identity-based policy", action)),
        },
      });
    }
    if (random.chance(0.3)) {
      const name = "/orders/feature-flags";
      context.record({
        ...call,
        timeMs: timeMs + 90,
        caller: environment.code("ssm"),
        service: "ssm",
        eventName: "GetParameter",
        requestParameters: { name, withDecryption: false },
        resources: [{ ARN: parameterArn(fn.region, name) }],
      });
    }
    const encryptionContext = { service: "orders-api", table: "orders" };
    if (random.chance(0.3)) {
      context.record({
        ...call,
        timeMs: timeMs + 120,
        caller: environment.code("kms"),
        service: "kms",
        eventName: "GenerateDataKey",
        requestParameters: { keyId: KEYS.ordersPayload, keySpec: "AES_256", encryptionContext },
        resources: [{ ARN: KEYS.ordersPayload, type: "AWS::KMS::Key" }],
      });
    }
    if (random.chance(0.15)) {
      const action = "kms:Decrypt";
      context.record({
        ...call,
        timeMs: timeMs + 150,
        caller: environment.code("kms"),
        service: "kms",
        eventName: "Decrypt",
        requestParameters: { encryptionAlgorithm: "SYMMETRIC_DEFAULT", encryptionContext },
        resources: [{ ARN: KEYS.ordersPayload, type: "AWS::KMS::Key" }],
        error: {
          code: "AccessDenied",
          message: notAuthorized(
            principal,
            action,
            KEYS.ordersPayload,
            noPolicyAllows("resource-based policy", action),
          ),
        },
      });
    }
    if (random.chance(0.1)) {
      context.record({
        ...call,
        timeMs: timeMs + 180,
        caller: environment.code("dynamodb"),
        service: "dynamodb",
        eventName: "DescribeTable",
        requestParameters: { tableName: "orders" },
      });
    }
  }
}
