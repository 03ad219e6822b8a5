import { FUNCTIONS, KEYS, parameterArn } from "./account";
import { assumedRoleArn } from "./callers";
import { DAY, HOUR, MINUTE, SECOND, hourOfDay, isWeekday, periodic, randomTimes, type SeedContext } from "./context";
import { lambdaEnvironment, recordLogStreamCreation, type LambdaEnvironment } from "./lambda";
import { noPolicyAllows, notAuthorized } from "./messages";

const fn = FUNCTIONS.nightlyReport;
const principal = assumedRoleArn(fn.role, fn.name);
/** Lambda retries a failed asynchronous invocation twice, about one and two minutes apart. */
const ASYNC_RETRY_DELAYS_MS = [0, 1 * MINUTE, 3 * MINUTE];

function recordParameterReads(context: SeedContext, environment: LambdaEnvironment, timeMs: number): void {
  const call = { region: fn.region, caller: environment.code("ssm"), service: "ssm", readOnly: true };
  const bucketParameter = "/reports/bucket-name";
  context.record({
    ...call,
    timeMs,
    eventName: "GetParameter",
    requestParameters: { name: bucketParameter, withDecryption: false },
    resources: [{ ARN: parameterArn(fn.region, bucketParameter) }],
    ...(context.random.chance(0.05) ? { error: { code: "ThrottlingException", message: "Rate exceeded" } } : {}),
  });
  const smtpParameters = ["/reports/smtp-user", "/reports/smtp-password"];
  const deniedFirst = parameterArn(fn.region, "/reports/smtp-user");
  context.record({
    ...call,
    timeMs: timeMs + 200,
    eventName: "GetParameters",
    requestParameters: { names: smtpParameters, withDecryption: true },
    resources: smtpParameters.map((name) => ({ ARN: parameterArn(fn.region, name) })),
    error: {
      code: "AccessDeniedException",
      message: notAuthorized(
        principal,
        "ssm:GetParameters",
        deniedFirst,
        noPolicyAllows("identity-based policy", "ssm:GetParameters"),
      ),
    },
  });
  if (context.random.chance(0.5)) {
    const webhook = parameterArn(fn.region, "/reports/slack-webhook");
    context.record({
      ...call,
      timeMs: timeMs + 400,
      eventName: "GetParameter",
      requestParameters: { name: "/reports/slack-webhook", withDecryption: true },
      resources: [{ ARN: webhook }],
      error: {
        code: "AccessDeniedException",
        message: notAuthorized(
          principal,
          "ssm:GetParameter",
          webhook,
          noPolicyAllows("identity-based policy", "ssm:GetParameter"),
        ),
      },
    });
  }
}

function recordQuery(context: SeedContext, environment: LambdaEnvironment, timeMs: number): void {
  const queryExecutionId = context.random.uuid();
  const call = { region: fn.region, caller: environment.code("athena"), service: "athena" };
  context.record({
    ...call,
    timeMs,
    eventName: "StartQueryExecution",
    readOnly: false,
    requestParameters: {
      queryString:
        "SELECT region, sum(amount) AS revenue FROM sales.daily_orders WHERE day = current_date - interval '1' day GROUP BY region",
      workGroup: "reports",
    },
    responseElements: { queryExecutionId },
  });
  const polls = context.random.int(2, 4);
  for (let poll = 1; poll <= polls; poll++) {
    context.record({
      ...call,
      timeMs: timeMs + poll * SECOND,
      eventName: "GetQueryExecution",
      readOnly: true,
      requestParameters: { queryExecutionId },
    });
  }
}

function recordDecrypt(context: SeedContext, environment: LambdaEnvironment, timeMs: number): void {
  const action = "kms:Decrypt";
  context.record({
    timeMs,
    region: fn.region,
    caller: environment.code("kms"),
    service: "kms",
    eventName: "Decrypt",
    readOnly: true,
    requestParameters: { encryptionAlgorithm: "SYMMETRIC_DEFAULT", encryptionContext: { report: "daily-revenue" } },
    resources: [{ ARN: KEYS.reportsData, type: "AWS::KMS::Key" }],
    error: {
      code: "AccessDenied",
      message: notAuthorized(principal, action, KEYS.reportsData, noPolicyAllows("resource-based policy", action)),
    },
  });
}

/** One invocation in a fresh execution environment: every run is a cold start. */
function recordRun(context: SeedContext, startMs: number): void {
  const environment = lambdaEnvironment(context, fn, startMs);
  recordLogStreamCreation(context, fn, environment, startMs + 400, true);
  recordParameterReads(context, environment, startMs + 900);
  recordQuery(context, environment, startMs + 1600);
  if (context.random.chance(0.8))
    recordDecrypt(context, environment, startMs + 7 * SECOND + context.random.int(0, 999));
}

/**
 * nightly-report (us-east-1, Python): runs at 02:00 UTC and is retried twice when it fails, and
 * someone re-runs it by hand on some weekdays. Its key policy, parameters and logs are all denied.
 */
export function recordNightlyReport(context: SeedContext): void {
  for (const scheduledMs of periodic(context, DAY, { phaseMs: 2 * HOUR, jitterMs: 20 * SECOND })) {
    for (const delay of ASYNC_RETRY_DELAYS_MS)
      recordRun(context, scheduledMs + delay + context.random.int(0, 5 * SECOND));
  }
  const manualPerHour = (hourStartMs: number): number =>
    isWeekday(hourStartMs) && hourOfDay(hourStartMs) === 10 ? 0.8 : 0;
  for (const manualMs of randomTimes(context, manualPerHour)) recordRun(context, manualMs);
}
