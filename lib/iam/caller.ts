import type { Caller, CallerKind, DenialRecord } from "../model";
import { describePrincipal, isAccountId, parseArn } from "./arn";

const LAMBDA_INTERNAL_SESSION = /^awslambda_\d+/;
/** Session names tools other than Lambda give: SDK defaults, EC2 instance ids, CI runners, SSO e-mail addresses. */
const NOT_A_FUNCTION_SESSION =
  /^(?:botocore-session-|aws-go-sdk-|aws-sdk-|aws-cli-|i-[0-9a-f]{8,}$|gha-|GitHubActions|terraform|cdk-)|@/i;
// IAM names hold no spaces: "user/user name" is a writer's stand-in for the name.
const UNREADABLE = /^X{3,}$|\.\.\.|[<>*\s]/;
/** IAM Identity Center names the roles it creates `AWSReservedSSO_<permission set>_<16 hex digits>`. */
const SSO_ROLE = /^AWSReservedSSO_(.+?)(?:_[0-9a-f]{16})?$/;

/** False for redacted or templated names: `XXXX`, `...`, `<role-name>`, `user name`. */
export function isReadable(value: string | null | undefined): value is string {
  return !!value && !UNREADABLE.test(value);
}

/** The permission set behind an IAM Identity Center role name, or null for any other role. */
export function permissionSetOf(roleName: string | null): string | null {
  return roleName ? (SSO_ROLE.exec(roleName)?.[1] ?? null) : null;
}

/** The Lambda function name when an assumed-role session looks like a function's own: Lambda names the session after it. */
export function functionSessionName(principal: string | null): string | null {
  const info = describePrincipal(principal);
  const session = info?.sessionName;
  if (info?.kind !== "assumed-role" || !isReadable(session) || permissionSetOf(info.name)) return null;
  return LAMBDA_INTERNAL_SESSION.test(session) || NOT_A_FUNCTION_SESSION.test(session) ? null : session;
}

/**
 * Who made the denied call, in the terms its fix needs: a Lambda function's session, another assumed role, an IAM
 * Identity Center (SSO) role, an IAM user, the root user, a federated user, an AWS service, an anonymous caller, or
 * a principal of another account than the resource's.
 */
export function callerOf(record: Pick<DenialRecord, "principal" | "resource">): Caller {
  const info = describePrincipal(record.principal);
  const account = info?.account ?? null;
  const resourceAccount = record.resource ? (parseArn(record.resource)?.account ?? null) : null;
  const name = isReadable(info?.name) ? info.name : null;
  const caller = (kind: CallerKind, callerName: string | null = name): Caller => ({ kind, name: callerName, account });
  if (!info) return caller("unknown", null);
  if (info.kind === "anonymous") return caller("anonymous", null);
  if (info.kind === "service") return caller("aws-service");
  if (info.kind === "root") return caller("root", null);
  if (info.kind === "other") {
    const federated = record.principal?.split(":federated-user/")[1];
    return federated ? caller("federated-user", federated) : caller("unknown", null);
  }
  if (isAccountId(account) && isAccountId(resourceAccount) && account !== resourceAccount)
    return caller("other-account");
  if (info.kind === "user") return caller("iam-user");
  const permissionSet = permissionSetOf(info.name);
  if (permissionSet) return caller("sso-role", permissionSet);
  const functionName = functionSessionName(record.principal);
  if (functionName) return caller("lambda-function", functionName);
  return caller("assumed-role");
}
