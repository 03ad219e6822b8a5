import { EU_WEST_1, FUNCTIONS, ROLES, US_EAST_1, functionArn, roleArn } from "./account";
import { assumedRoleArn, assumedRoleCaller } from "./callers";
import { DAY, HOUR, MINUTE, SECOND, periodic, type SeedContext } from "./context";
import { noPolicyAllows, notAuthorized } from "./messages";
import { BASE64URL } from "./prng";
import { cloudTrailLongTime, type ApiCall, type Caller } from "./records";

const DATADOG_ACCOUNT = "464622532012";
const SESSION = "DatadogAWSIntegration";
const AGENT = "aws-sdk-go/1.44.327 (go1.20.12; linux; amd64)";
const ADDRESS = "3.233.146.20";
const role = ROLES.datadog;

/** Datadog assumes the integration role from its own account; each session lasts an hour. */
function datadogSession(context: SeedContext, timeMs: number): Caller {
  const startMs = Math.floor(timeMs / HOUR) * HOUR;
  return context.memo(`datadog:${startMs}`, () => {
    const accessKeyId = context.sessionKey(`${SESSION}@${startMs}`);
    context.record({
      timeMs: startMs,
      region: US_EAST_1,
      caller: {
        userIdentity: {
          type: "AWSAccount",
          principalId: `AROAWPPO3NQLGDEXAMPLE:${SESSION}`,
          accountId: DATADOG_ACCOUNT,
        },
        userAgent: AGENT,
        sourceIPAddress: ADDRESS,
        viaAwsService: false,
      },
      service: "sts",
      eventName: "AssumeRole",
      readOnly: true,
      crossAccount: true,
      requestParameters: {
        roleArn: roleArn(role),
        roleSessionName: SESSION,
        externalId: "HIDDEN_DUE_TO_SECURITY_REASONS",
        durationSeconds: 3600,
      },
      responseElements: {
        credentials: {
          accessKeyId,
          sessionToken: context.random.string(BASE64URL, 120),
          expiration: cloudTrailLongTime(startMs + HOUR),
        },
        assumedRoleUser: { assumedRoleId: `${role.id}:${SESSION}`, arn: assumedRoleArn(role, SESSION) },
      },
      resources: [{ ARN: roleArn(role), type: "AWS::IAM::Role" }],
    });
    return assumedRoleCaller(role, SESSION, {
      accessKeyId,
      sessionStartMs: startMs,
      userAgent: AGENT,
      sourceIPAddress: ADDRESS,
    });
  });
}

type Poll = Omit<ApiCall, "timeMs" | "caller" | "region">;

function recordPolls(
  context: SeedContext,
  region: string,
  periodMs: number,
  poll: (context: SeedContext) => Poll,
): void {
  for (const timeMs of periodic(context, periodMs, { jitterMs: 30 * SECOND })) {
    context.record({ ...poll(context), timeMs, region, caller: datadogSession(context, timeMs) });
  }
}

/** Datadog reads the tags of every function once a day, and its role was never allowed lambda:ListTags. */
function recordTagReads(context: SeedContext, region: string): void {
  const action = "lambda:ListTags";
  const principal = assumedRoleArn(role, SESSION);
  const functions = Object.values(FUNCTIONS).filter((fn) => fn.region === region);
  for (const timeMs of periodic(context, DAY, { phaseMs: 5 * MINUTE, jitterMs: MINUTE })) {
    functions.forEach((fn, index) => {
      const resource = functionArn(region, fn.name);
      context.record({
        timeMs: timeMs + index * SECOND,
        region,
        caller: datadogSession(context, timeMs),
        service: "lambda",
        eventName: "ListTags20170331",
        readOnly: true,
        requestParameters: { resource },
        error: {
          code: "AccessDeniedException",
          message: notAuthorized(principal, action, resource, noPolicyAllows("identity-based policy", action)),
        },
      });
    });
  }
}

/**
 * DatadogIntegrationRole: the monitoring integration polling both Regions around the clock.
 * Most of the data set's volume, almost all of it successful reads.
 */
export function recordMonitoring(context: SeedContext): void {
  for (const region of [US_EAST_1, EU_WEST_1]) {
    recordPolls(context, region, 20 * MINUTE, () => ({
      service: "monitoring",
      eventName: "DescribeAlarms",
      readOnly: true,
      requestParameters: { maxRecords: 100 },
    }));
    recordPolls(context, region, 30 * MINUTE, () => ({
      service: "lambda",
      eventName: "ListFunctions20150331",
      readOnly: true,
      requestParameters: null,
    }));
    recordPolls(context, region, 30 * MINUTE, ({ random }) => ({
      service: "ec2",
      eventName: "DescribeInstances",
      readOnly: true,
      requestParameters: { instancesSet: {}, filterSet: {} },
      ...(random.chance(0.01)
        ? { error: { code: "Client.RequestLimitExceeded", message: "Request limit exceeded." } }
        : {}),
    }));
    recordPolls(context, region, HOUR, () => ({
      service: "tagging",
      eventName: "GetResources",
      readOnly: true,
      requestParameters: { resourcesPerPage: 100 },
    }));
    recordPolls(context, region, HOUR, () => ({
      service: "logs",
      eventName: "DescribeLogGroups",
      readOnly: true,
      requestParameters: { limit: 50 },
    }));
    recordTagReads(context, region);
  }
}
