import {
  ALICE,
  EU_WEST_1,
  FUNCTIONS,
  KEYS,
  PROD_ADMIN_ROLE,
  ROLES,
  SECRETS,
  US_EAST_1,
  type DemoFunction,
} from "./account";
import { BROWSER_AGENT, aliceCaller } from "./callers";
import { DAY, HOUR, MINUTE, hourOfDay, isWeekday, periodic, randomTimes, type SeedContext } from "./context";
import { explicitDenyIn, notAuthorized } from "./messages";
import type { ApiCall } from "./records";

const CLI =
  "aws-cli/2.15.30 md/awscrt#0.19.19 ua/2.0 os/macos#23.4.0 md/arch#arm64 lang/python#3.11.8 " +
  "md/pyimpl#CPython cfg/retry-mode#standard md/installer#source md/prompt#off";
const FUNCTION_LIST: DemoFunction[] = Object.values(FUNCTIONS);
const ROLE_NAMES = Object.values(ROLES).map((role) => role.name);

/** A call alice makes with the AWS CLI; `command` is what the CLI names in its user agent ("iam.get-role"). */
function cliCall(timeMs: number, command: string, call: Omit<ApiCall, "timeMs" | "caller">): ApiCall {
  return { ...call, timeMs, caller: aliceCaller(`${CLI} md/command#${command}`) };
}

type Activity = (context: SeedContext, timeMs: number) => ApiCall;

/** What alice does while looking into the functions, with how often she does it. */
const ACTIVITIES: [weight: number, activity: Activity][] = [
  [
    6,
    ({ random }, timeMs) => {
      const missing = random.chance(0.06);
      const roleName = missing ? "legacy-etl-role" : random.pick(ROLE_NAMES);
      return cliCall(timeMs, "iam.get-role", {
        region: US_EAST_1,
        service: "iam",
        host: "iam.amazonaws.com",
        eventName: "GetRole",
        readOnly: true,
        requestParameters: { roleName },
        ...(missing
          ? { error: { code: "NoSuchEntityException", message: `The role with name ${roleName} cannot be found.` } }
          : {}),
      });
    },
  ],
  [
    3,
    ({ random }, timeMs) =>
      cliCall(timeMs, "iam.list-attached-role-policies", {
        region: US_EAST_1,
        service: "iam",
        host: "iam.amazonaws.com",
        eventName: "ListAttachedRolePolicies",
        readOnly: true,
        requestParameters: { roleName: random.pick(ROLE_NAMES) },
      }),
  ],
  [
    3,
    ({ random }, timeMs) =>
      cliCall(timeMs, "iam.get-role-policy", {
        region: US_EAST_1,
        service: "iam",
        host: "iam.amazonaws.com",
        eventName: "GetRolePolicy",
        readOnly: true,
        requestParameters: { roleName: random.pick(ROLE_NAMES), policyName: "inline-permissions" },
      }),
  ],
  [
    5,
    ({ random }, timeMs) => {
      const fn = random.pick(FUNCTION_LIST);
      return cliCall(timeMs, "lambda.get-function-configuration", {
        region: fn.region,
        service: "lambda",
        eventName: "GetFunctionConfiguration20150331v2",
        readOnly: true,
        requestParameters: { functionName: fn.name },
      });
    },
  ],
  [
    2,
    ({ random }, timeMs) => {
      const fn = random.pick(FUNCTION_LIST);
      const noPolicy = random.chance(0.6);
      return cliCall(timeMs, "lambda.get-policy", {
        region: fn.region,
        service: "lambda",
        eventName: "GetPolicy20150331v2",
        readOnly: true,
        requestParameters: { functionName: fn.name },
        ...(noPolicy
          ? { error: { code: "ResourceNotFoundException", message: "The resource you requested does not exist." } }
          : {}),
      });
    },
  ],
  [
    2,
    ({ random }, timeMs) =>
      cliCall(timeMs, "lambda.list-functions", {
        region: random.pick([US_EAST_1, EU_WEST_1]),
        service: "lambda",
        eventName: "ListFunctions20150331",
        readOnly: true,
        requestParameters: null,
      }),
  ],
  [
    3,
    ({ random }, timeMs) => {
      const fn = random.pick(FUNCTION_LIST);
      return cliCall(timeMs, "cloudtrail.lookup-events", {
        region: fn.region,
        service: "cloudtrail",
        eventName: "LookupEvents",
        readOnly: true,
        requestParameters: {
          lookupAttributes: [{ attributeKey: "Username", attributeValue: fn.name }],
          maxResults: 50,
        },
      });
    },
  ],
  [
    4,
    ({ random }, timeMs) => {
      const key = random.pick([KEYS.ordersPayload, KEYS.reportsData, KEYS.billingLedger]);
      const describe = random.chance(0.5);
      return cliCall(timeMs, describe ? "kms.describe-key" : "kms.get-key-policy", {
        region: key.split(":")[3] ?? US_EAST_1,
        service: "kms",
        eventName: describe ? "DescribeKey" : "GetKeyPolicy",
        readOnly: true,
        requestParameters: describe ? { keyId: key } : { keyId: key, policyName: "default" },
        resources: [{ ARN: key, type: "AWS::KMS::Key" }],
      });
    },
  ],
  [
    2,
    ({ random }, timeMs) => {
      const fn = random.pick(FUNCTION_LIST);
      return cliCall(timeMs, "logs.describe-log-streams", {
        region: fn.region,
        service: "logs",
        eventName: "DescribeLogStreams",
        readOnly: true,
        requestParameters: { logGroupName: `/aws/lambda/${fn.name}`, orderBy: "LastEventTime", descending: true },
      });
    },
  ],
  [
    1,
    ({ random }, timeMs) => {
      const secret = random.pick([SECRETS.ordersDb, SECRETS.ordersStripe, SECRETS.billingLedgerDb]);
      return cliCall(timeMs, "secretsmanager.describe-secret", {
        region: secret.split(":")[3] ?? US_EAST_1,
        service: "secretsmanager",
        eventName: "DescribeSecret",
        readOnly: true,
        requestParameters: { secretId: secret },
      });
    },
  ],
];

/** Each activity repeated as often as its weight, so a uniform pick honours the weights. */
const WEIGHTED_ACTIVITIES: Activity[] = ACTIVITIES.flatMap(([weight, activity]) =>
  Array.from({ length: weight }, () => activity),
);

function workingHoursRate(hourStartMs: number): number {
  const hour = hourOfDay(hourStartMs);
  return isWeekday(hourStartMs) && hour >= 9 && hour < 17 ? 5 : 0;
}

function recordConsoleSignIn(context: SeedContext, timeMs: number): void {
  context.record({
    timeMs,
    region: US_EAST_1,
    caller: aliceCaller(BROWSER_AGENT, { withAccessKey: false }),
    service: "signin",
    host: "signin.aws.amazon.com",
    eventName: "ConsoleLogin",
    readOnly: false,
    eventType: "AwsConsoleSignIn",
    responseElements: { ConsoleLogin: "Success" },
    additionalEventData: {
      LoginTo: "https://console.aws.amazon.com/console/home?state=hashArgs%23&isauthcode=true",
      MobileVersion: "No",
      MFAUsed: "Yes",
    },
  });
}

/** alice's own denials: the old reason-less AssumeRole form, and an explicit deny on changing key policies. */
function recordAliceDenials(context: SeedContext): void {
  for (const timeMs of periodic(context, 2 * DAY, { phaseMs: 14 * HOUR, jitterMs: HOUR })) {
    context.record(
      cliCall(timeMs, "sts.assume-role", {
        region: US_EAST_1,
        service: "sts",
        eventName: "AssumeRole",
        readOnly: true,
        error: { code: "AccessDenied", message: notAuthorized(ALICE.arn, "sts:AssumeRole", PROD_ADMIN_ROLE) },
      }),
    );
  }
  for (const timeMs of periodic(context, 3 * DAY, { phaseMs: 15 * HOUR, jitterMs: 30 * MINUTE })) {
    const action = "kms:PutKeyPolicy";
    context.record(
      cliCall(timeMs, "kms.put-key-policy", {
        region: US_EAST_1,
        service: "kms",
        eventName: "PutKeyPolicy",
        readOnly: false,
        requestParameters: { keyId: KEYS.reportsData, policyName: "default", bypassPolicyLockoutSafetyCheck: false },
        resources: [{ ARN: KEYS.reportsData, type: "AWS::KMS::Key" }],
        error: {
          code: "AccessDenied",
          message: notAuthorized(ALICE.arn, action, KEYS.reportsData, explicitDenyIn("an identity-based policy")),
        },
      }),
    );
  }
}

/**
 * alice, an IAM user investigating the functions: a console sign-in each weekday, then CLI reads
 * of roles, functions, keys and trails during working hours, with a few errors and denials of her own.
 */
export function recordAlice(context: SeedContext): void {
  for (const timeMs of periodic(context, DAY, { phaseMs: 8 * HOUR + 30 * MINUTE, jitterMs: 45 * MINUTE })) {
    if (isWeekday(timeMs)) recordConsoleSignIn(context, timeMs);
  }
  for (const timeMs of randomTimes(context, workingHoursRate)) {
    context.record(context.random.pick(WEIGHTED_ACTIVITIES)(context, timeMs));
  }
  recordAliceDenials(context);
}
