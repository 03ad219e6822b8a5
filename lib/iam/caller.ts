import type { Caller, DenialRecord } from "../model";
import { describePrincipal, isAccountId, parseArn, type PrincipalInfo } from "./arn";
import { isIdentityCenterRoleArn, SSO_ROLE_PREFIX } from "./role-path";

const LAMBDA_INTERNAL_SESSION = /^awslambda_\d+/;
/**
 * Session names tools other than Lambda give: SDK defaults, EC2 instance ids, CI runners and their OIDC sessions
 * (`circleci-oidc-session`), SSO e-mail addresses, and generated ones holding a UUID (`external-d-49df7ce5-60ec-…`, an
 * EKS pod's web-identity session); a function's is its name.
 */
const NOT_A_FUNCTION_SESSION = new RegExp(
  [
    "^(?:botocore-session-|aws-go-sdk-|aws-sdk-|aws-cli-|i-[0-9a-f]{8,}$|gha-|GitHubActions|terraform|cdk-)",
    "@",
    "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}",
    "(?:^|[-_.])(?:oidc|session)(?:$|[-_.])",
  ].join("|"),
  "i",
);
/**
 * An EC2 instance's own session (`i-0abc…`, or redacted `i-XXXX`): the instance profile's role. Kubernetes pods on the
 * node get it when they have no credentials of their own.
 */
const INSTANCE_SESSION = /^i-(?:[0-9a-f]{8,17}|x{3,})$/i;
/**
 * Session names AWS services give the roles they assume for you: SageMaker Studio and notebooks (`SageMaker`),
 * CloudFormation, CodeBuild (`AWSCodeBuild-<build id>`), CodePipeline, ECS tasks, Glue, Step Functions, EMR, Batch.
 */
const SERVICE_SESSION_NAMES = [
  "SageMaker",
  "AWSCloudFormation",
  "AWSCodeBuild",
  "codebuild",
  "AWSCodePipeline",
  "codepipeline",
  "ecs-tasks",
  "ecs-task",
  "AWSGlue",
  "GlueJobRunnerSession",
  "states",
  "StepFunctions",
  "EMR",
  "aws-batch",
  "AWSBackup",
];
const SERVICE_SESSION = new RegExp(`^(?:${SERVICE_SESSION_NAMES.join("|")})(?:$|[-_.\\d])`, "i");
/** Role names that say which service runs as them: SageMaker and ECS execution roles, CodeBuild service roles, Glue. */
const SERVICE_ROLE_NAME =
  /sagemaker|codebuild|codepipeline|ecsTask|ecs-task|glue|step-?functions?|statemachine|cloudformation|emr_|batch-?service/i;
/** First words that a templated or generic name shares with its role, never a function's name: `role-name/role-session-name`. */
const GENERIC_FIRST_WORDS = new Set([
  "role",
  "session",
  "service",
  "default",
  "aws",
  "user",
  "my",
  "test",
  "example",
  "sample",
]);
// IAM names hold no spaces, brackets, `$` or `~`: "user/user name", `{redacted}`, `[assumed-role]`, `$USER` and `~` are a
// writer's stand-ins for the name.
const UNREADABLE = /^[Xx]{3,}$|\.\.\.|[<>*\s{}[\]$~]/;
/** IAM Identity Center names the roles it creates `AWSReservedSSO_<permission set>_<16 hex digits>`. */
const SSO_ROLE = new RegExp(`^${SSO_ROLE_PREFIX}(.+?)(?:_[0-9a-f]{16})?$`);

/** False for redacted or templated names: `XXXX`, `...`, `<role-name>`, `user name`, `{redacted}`, `$USER`. */
export function isReadable(value: string | null | undefined): value is string {
  return !!value && !UNREADABLE.test(value);
}

/** The permission set behind an IAM Identity Center role name, or null for any other role. */
export function permissionSetOf(roleName: string | null): string | null {
  // The prefix test first: most roles are not SSO roles, and it is cheaper than the regex call.
  return roleName?.startsWith(SSO_ROLE_PREFIX) ? (SSO_ROLE.exec(roleName)?.[1] ?? null) : null;
}

/** Role names that say they belong to a function: `…-lambdaRole` (Serverless), `…FunctionRole-…` (SAM), `…Lambda…`. */
const FUNCTION_ROLE_NAME = /lambda|function/i;

/** The first word of an IAM name: `image-resizer-role` → `image`, `orders_api` → `orders`. */
function firstWord(name: string): string {
  return name.split(/[-_.]/, 1)[0]!.toLowerCase();
}

/**
 * True when a role's session is a Lambda function's own: Lambda names the session after the function, and the
 * console, SAM and Serverless name the role after the function or its stack (`image-resizer-role-1a2b3c` with session
 * `image-resizer`). A person's or a tool's session (`ReadOnly/Tom`, `karpeter/1731429849551905269`,
 * `botocore-session-…`) is not, nor an AWS service's (`…SageMakerExecutionRole…/SageMaker`, `…/AWSCodeBuild-…`),
 * nor a templated pair (`role-name/role-session-name`), nor Lambda's own `awslambda_<n>` sessions.
 */
export function isFunctionSession(role: string, session: string): boolean {
  if (!isReadable(role) || !isReadable(session) || permissionSetOf(role)) return false;
  if (LAMBDA_INTERNAL_SESSION.test(session) || NOT_A_FUNCTION_SESSION.test(session)) return false;
  if (SERVICE_SESSION.test(session) || SERVICE_ROLE_NAME.test(role)) return false;
  if (FUNCTION_ROLE_NAME.test(role)) return true;
  const word = firstWord(session);
  return word.length >= 3 && !GENERIC_FIRST_WORDS.has(word) && word === firstWord(role);
}

/** True when an assumed-role session is an EC2 instance's own: the role of its instance profile. */
export function isInstanceSession(info: PrincipalInfo | null): boolean {
  return info?.kind === "assumed-role" && !!info.sessionName && INSTANCE_SESSION.test(info.sessionName);
}

/** The Lambda function name when an assumed-role session (a principal read by describePrincipal) is a function's own. */
export function functionSessionOf(info: PrincipalInfo | null): string | null {
  if (info?.kind !== "assumed-role" || !info.name || !info.sessionName) return null;
  return isFunctionSession(info.name, info.sessionName) ? info.sessionName : null;
}

/**
 * Who made the denied call, in the terms its fix needs: a Lambda function's session, another assumed role, an IAM
 * Identity Center (SSO) role, an IAM user, the root user, a federated user, an AWS service, an anonymous caller, or
 * a principal of another account than the resource's.
 */
export function callerOf(record: Pick<DenialRecord, "principal" | "resource">): Caller {
  const resourceArn = record.resource ? parseArn(record.resource) : null;
  return callerOfPrincipal(record.principal, describePrincipal(record.principal), resourceArn?.account ?? null);
}

/**
 * callerOf for a principal already read by describePrincipal, beside the account of the resource's ARN;
 * `functionName` is its functionSessionOf, when the caller has worked that out already.
 */
export function callerOfPrincipal(
  principal: string | null,
  info: PrincipalInfo | null,
  resourceAccount: string | null,
  functionName: string | null = functionSessionOf(info),
): Caller {
  const account = info?.account ?? null;
  const name = isReadable(info?.name) ? info.name : null;
  if (!info) return { kind: "unknown", name: null, account };
  if (info.kind === "anonymous") return { kind: "anonymous", name: null, account };
  if (info.kind === "service") return { kind: "aws-service", name, account };
  if (info.kind === "root") return { kind: "root", name: null, account };
  if (info.kind === "other") {
    const federated = principal?.split(":federated-user/")[1];
    return { kind: federated ? "federated-user" : "unknown", name: federated || null, account };
  }
  if (isAccountId(account) && isAccountId(resourceAccount) && account !== resourceAccount)
    return { kind: "other-account", name, account };
  if (info.kind === "user") return { kind: "iam-user", name, account };
  // A role under Identity Center's path is a permission set's, though its name may not say so.
  const permissionSet =
    permissionSetOf(info.name) ?? (info.kind === "role" && isIdentityCenterRoleArn(principal ?? "") ? name : null);
  if (permissionSet) return { kind: "sso-role", name: permissionSet, account };
  if (functionName) return { kind: "lambda-function", name: functionName, account };
  return { kind: "assumed-role", name, account };
}
