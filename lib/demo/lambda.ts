import { logGroupArn, roleArn, type DemoFunction } from "./account";
import { assumedRoleArn, assumedRoleCaller, LAMBDA_SERVICE, lambdaSdkAgent } from "./callers";
import { HOUR, type SeedContext } from "./context";
import { noPolicyAllows, notAuthorized } from "./messages";
import { BASE64URL, HEX } from "./prng";
import { cloudTrailLongTime, type Caller } from "./records";

const CREDENTIAL_LIFETIME_MS = 12 * HOUR;

/** Public addresses Lambda functions outside a VPC call AWS from, per Region. */
const LAMBDA_ADDRESS_PREFIXES: Record<string, string> = { "us-east-1": "54.166", "eu-west-1": "34.245" };

/** One execution environment of a function: the credentials its code and its log worker share. */
export interface LambdaEnvironment {
  /** The function's own SDK calls, for API `api`. */
  code(api: string): Caller;
  /** The Lambda worker that ships the function's logs (userAgent `awslambda-worker`). */
  worker: Caller;
  logStream: string;
}

/** Lambda assuming the execution role, recorded in the function's Region (STS Regional endpoint). */
function issueCredentials(
  context: SeedContext,
  fn: DemoFunction,
  timeMs: number,
  session: string,
  accessKeyId: string,
): void {
  context.record({
    timeMs,
    region: fn.region,
    caller: LAMBDA_SERVICE,
    service: "sts",
    eventName: "AssumeRole",
    readOnly: true,
    requestParameters: { roleArn: roleArn(fn.role), roleSessionName: session },
    responseElements: {
      credentials: {
        accessKeyId,
        sessionToken: context.random.string(BASE64URL, 120),
        expiration: cloudTrailLongTime(timeMs + CREDENTIAL_LIFETIME_MS),
      },
    },
    resources: [{ ARN: roleArn(fn.role), type: "AWS::IAM::Role" }],
  });
}

/**
 * The execution environment of `fn` that started at `startMs`. The first time it is asked for,
 * Lambda assumes the execution role (session name = function name) and that event is recorded.
 */
export function lambdaEnvironment(context: SeedContext, fn: DemoFunction, startMs: number): LambdaEnvironment {
  return context.memo(`environment:${fn.name}:${startMs}`, () => {
    const accessKeyId = context.sessionKey(`${fn.name}@${startMs}`);
    issueCredentials(context, fn, startMs, fn.name, accessKeyId);
    const prefix = LAMBDA_ADDRESS_PREFIXES[fn.region] ?? "52.0";
    const sourceIPAddress = `${prefix}.${context.random.int(1, 254)}.${context.random.int(1, 254)}`;
    const date = new Date(startMs).toISOString().slice(0, 10).replaceAll("-", "/");
    const session = { accessKeyId, sessionStartMs: startMs, sourceIPAddress };
    return {
      code: (api: string) =>
        assumedRoleCaller(fn.role, fn.name, { ...session, userAgent: lambdaSdkAgent(fn.runtime, api) }),
      worker: assumedRoleCaller(fn.role, fn.name, { ...session, userAgent: "awslambda-worker" }),
      logStream: `${date}/[$LATEST]${context.random.string(HEX, 32)}`,
    };
  });
}

/**
 * A session Lambda opens on the execution role to act for the function itself, named
 * `awslambda_<n>_<yyyyMMddHHmmssSSS>` (e.g. to create a VPC function's network interfaces).
 */
export function lambdaServiceSession(
  context: SeedContext,
  fn: DemoFunction,
  startMs: number,
): { caller: Caller; principal: string } {
  const stamp = new Date(startMs).toISOString().replace(/[-:T.Z]/g, "");
  const session = `awslambda_${context.random.int(100, 999)}_${stamp}`;
  const accessKeyId = context.sessionKey(session);
  issueCredentials(context, fn, startMs, session, accessKeyId);
  const caller = assumedRoleCaller(fn.role, session, {
    accessKeyId,
    sessionStartMs: startMs,
    userAgent: "lambda.amazonaws.com",
    sourceIPAddress: "lambda.amazonaws.com",
    viaAwsService: true,
  });
  return { caller, principal: assumedRoleArn(fn.role, session) };
}

/** The log worker creating the environment's log stream, once per environment; `denied` when the role lacks logs:CreateLogStream. */
export function recordLogStreamCreation(
  context: SeedContext,
  fn: DemoFunction,
  environment: LambdaEnvironment,
  timeMs: number,
  denied: boolean,
): void {
  context.memo(`log-stream:${environment.logStream}`, () => {
    const logGroupName = `/aws/lambda/${fn.name}`;
    const resource = `${logGroupArn(fn.region, fn.name)}:log-stream:${environment.logStream}`;
    const action = "logs:CreateLogStream";
    const message = notAuthorized(
      assumedRoleArn(fn.role, fn.name),
      action,
      resource,
      noPolicyAllows("identity-based policy", action),
    );
    context.record({
      timeMs,
      region: fn.region,
      caller: environment.worker,
      service: "logs",
      eventName: "CreateLogStream",
      readOnly: false,
      requestParameters: { logGroupName, logStreamName: environment.logStream },
      ...(denied ? { error: { code: "AccessDenied", message } } : {}),
    });
  });
}
