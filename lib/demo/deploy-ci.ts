import { DEMO_ACCOUNT, FUNCTIONS, ROLES, US_EAST_1, functionArn, roleArn, type DemoFunction } from "./account";
import { CLI_AGENT, assumedRoleArn, assumedRoleCaller } from "./callers";
import { HOUR, SECOND, hourOfDay, isWeekday, randomTimes, type SeedContext } from "./context";
import { IMAGE_RESIZER_SECURITY_GROUP, IMAGE_RESIZER_SUBNETS, recordNetworkInterfaceAttempt } from "./image-resizer";
import { LAMBDA_CANNOT_CREATE_ENI } from "./messages";
import { BASE64URL } from "./prng";
import { cloudTrailLongTime, type Caller } from "./records";

const OIDC_PROVIDER = `arn:aws:iam::${DEMO_ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`;
const REPOSITORY_SUBJECT = "repo:acme/serverless-apps:ref:refs/heads/main";
const TARGETS: DemoFunction[] = [
  FUNCTIONS.ordersApi,
  FUNCTIONS.ordersApi,
  FUNCTIONS.nightlyReport,
  FUNCTIONS.imageResizer,
  FUNCTIONS.billingSync,
];

function runsPerHour(hourStartMs: number): number {
  if (!isWeekday(hourStartMs)) return 0.05;
  const hour = hourOfDay(hourStartMs);
  return hour >= 8 && hour < 18 ? 0.7 : 0.05;
}

/** GitHub's OIDC token exchanged for a deploy-ci-role session named after the workflow run. */
function startSession(context: SeedContext, timeMs: number): Caller {
  const session = `gha-${context.random.int(6_000_000_000, 9_999_999_999)}`;
  const accessKeyId = context.sessionKey(session);
  context.record({
    timeMs,
    region: US_EAST_1,
    caller: {
      userIdentity: {
        type: "WebIdentityUser",
        principalId: `${OIDC_PROVIDER}:sts.amazonaws.com:${REPOSITORY_SUBJECT}`,
        userName: REPOSITORY_SUBJECT,
        identityProvider: OIDC_PROVIDER,
      },
      userAgent: "aws-sdk-js/2.1692.0 promise",
      sourceIPAddress: "20.163.42.17",
      viaAwsService: false,
    },
    service: "sts",
    eventName: "AssumeRoleWithWebIdentity",
    readOnly: true,
    host: "sts.amazonaws.com",
    requestParameters: { roleArn: roleArn(ROLES.deployCi), roleSessionName: session, durationSeconds: 3600 },
    responseElements: {
      credentials: {
        accessKeyId,
        sessionToken: context.random.string(BASE64URL, 120),
        expiration: cloudTrailLongTime(timeMs + HOUR),
      },
      subjectFromWebIdentityToken: REPOSITORY_SUBJECT,
      assumedRoleUser: {
        assumedRoleId: `${ROLES.deployCi.id}:${session}`,
        arn: assumedRoleArn(ROLES.deployCi, session),
      },
      provider: OIDC_PROVIDER,
      audience: "sts.amazonaws.com",
    },
    resources: [{ ARN: roleArn(ROLES.deployCi), type: "AWS::IAM::Role" }],
  });
  return assumedRoleCaller(ROLES.deployCi, session, {
    accessKeyId,
    sessionStartMs: timeMs,
    userAgent: CLI_AGENT,
    sourceIPAddress: "20.163.42.17",
  });
}

/** Configuration changes end in Lambda checking the role can create network interfaces, which image-resizer's cannot. */
function recordVpcConfigUpdate(context: SeedContext, caller: Caller, timeMs: number): void {
  const target = FUNCTIONS.imageResizer;
  recordNetworkInterfaceAttempt(context, timeMs - 1500);
  context.record({
    timeMs,
    region: target.region,
    caller,
    service: "lambda",
    eventName: "UpdateFunctionConfiguration20150331v2",
    readOnly: false,
    requestParameters: {
      functionName: target.name,
      vpcConfig: { subnetIds: IMAGE_RESIZER_SUBNETS, securityGroupIds: [IMAGE_RESIZER_SECURITY_GROUP] },
    },
    error: { code: "InvalidParameterValueException", message: LAMBDA_CANNOT_CREATE_ENI },
  });
}

/** Code update, then publishing a version and moving the "live" alias. When it ends, or null when the code is refused. */
function recordCodeDeploy(context: SeedContext, caller: Caller, target: DemoFunction, timeMs: number): number | null {
  const lambdaCall = { region: target.region, caller, service: "lambda" };
  const arn = functionArn(target.region, target.name);
  const tooLarge = context.random.chance(0.03);
  context.record({
    ...lambdaCall,
    timeMs,
    eventName: "UpdateFunctionCode20150331v2",
    readOnly: false,
    requestParameters: { functionName: target.name, publish: false, dryRun: false },
    responseElements: {
      functionName: target.name,
      functionArn: arn,
      runtime: target.runtime,
      role: roleArn(target.role),
      version: "$LATEST",
      state: "Active",
      lastUpdateStatus: "InProgress",
      packageType: "Zip",
    },
    ...(tooLarge
      ? {
          error: {
            code: "InvalidParameterValueException",
            message: "Unzipped size must be smaller than 262144000 bytes",
          },
        }
      : {}),
  });
  if (tooLarge) return null;
  let at = timeMs;
  for (let poll = context.random.int(1, 3); poll > 0; poll--) {
    at += 2 * SECOND;
    const throttled = context.random.chance(0.04);
    context.record({
      ...lambdaCall,
      timeMs: at,
      eventName: "GetFunctionConfiguration20150331v2",
      readOnly: true,
      requestParameters: { functionName: target.name },
      ...(throttled ? { error: { code: "ThrottlingException", message: "Rate exceeded" } } : {}),
    });
  }
  const version = String(context.random.int(12, 240));
  context.record({
    ...lambdaCall,
    timeMs: at + SECOND,
    eventName: "PublishVersion20150331",
    readOnly: false,
    requestParameters: { functionName: target.name },
    responseElements: { functionArn: `${arn}:${version}`, version },
  });
  context.record({
    ...lambdaCall,
    timeMs: at + 2 * SECOND,
    eventName: "UpdateAlias20150331",
    readOnly: false,
    requestParameters: { functionName: target.name, name: "live", functionVersion: version },
  });
  return at + 2 * SECOND;
}

/**
 * deploy-ci-role: GitHub Actions runs (session `gha-<run id>`) deploying the four functions,
 * mostly on weekday working hours. Noise, apart from the image-resizer configuration updates
 * Lambda refuses because that function's role cannot create network interfaces.
 */
export function recordDeployCi(context: SeedContext): void {
  for (const startMs of randomTimes(context, runsPerHour)) {
    const caller = startSession(context, startMs);
    const target = context.random.pick(TARGETS);
    const lambdaCall = { region: target.region, caller, service: "lambda", readOnly: true };
    if (context.random.chance(0.05)) {
      const canary = `${target.name}-canary`;
      context.record({
        ...lambdaCall,
        timeMs: startMs + 2 * SECOND,
        eventName: "GetFunction20150331",
        requestParameters: { functionName: canary },
        error: {
          code: "ResourceNotFoundException",
          message: `Function not found: ${functionArn(target.region, canary)}`,
        },
      });
    }
    context.record({
      ...lambdaCall,
      timeMs: startMs + 3 * SECOND,
      eventName: "GetFunction20150331",
      requestParameters: { functionName: target.name },
    });
    const deployedMs = recordCodeDeploy(context, caller, target, startMs + 8 * SECOND);
    if (deployedMs !== null && target === FUNCTIONS.imageResizer)
      recordVpcConfigUpdate(context, caller, deployedMs + 3 * SECOND);
  }
}
