import { isAccountId, isIdentityCenterRoleArn, type RequestValues } from "../iam";
import type { CloudTrailRecord } from "./cloudtrail-record";

/** CloudTrail's word for a caller that signed nothing: an AWSAccount identity with this account id. */
export const ANONYMOUS_ACCOUNT = "ANONYMOUS_PRINCIPAL";

/** The kind of IAM identity a unique id stands for, by its prefix (IAM guide, "Unique identifier prefixes"). */
const ID_PREFIX_KINDS: Readonly<Record<string, string>> = { AROA: "role/<ROLE_NAME>", AIDA: "user/<USER_NAME>" };

/**
 * The caller of a denied record: the principal its message states, else the one its userIdentity names. An IAM
 * Identity Center session's issuer wins over its session ARN, which drops the `aws-reserved/sso.amazonaws.com/` path
 * that alone shows the role is a permission set's.
 */
export function principalOfRecord(record: CloudTrailRecord, stated: string | null): string | null {
  const issuer = record.userIdentity?.sessionContext?.sessionIssuer?.arn;
  if (issuer && isIdentityCenterRoleArn(issuer) && (!stated || stated.includes(":assumed-role/"))) return issuer;
  return stated ?? principalOfIdentity(record);
}

/**
 * The caller a record's userIdentity names: its ARN, its session's issuer, an IAM user by name in its account, a role
 * or user of another account known by its unique id only, `anonymous` for an unsigned request, or the AWS service
 * (`config.amazonaws.com`) that called with no identity of yours.
 */
function principalOfIdentity(record: CloudTrailRecord): string | null {
  const identity = record.userIdentity;
  if (!identity) return null;
  if (identity.arn) return identity.arn;
  if (identity.sessionContext?.sessionIssuer?.arn) return identity.sessionContext.sessionIssuer.arn;
  if (identity.accountId === ANONYMOUS_ACCOUNT) return "anonymous";
  if (identity.invokedBy?.endsWith(".amazonaws.com")) return identity.invokedBy;
  const partition = partitionOfRegion(record.awsRegion);
  const account = identity.accountId ?? record.recipientAccountId;
  if (!isAccountId(account)) return null;
  if (identity.type === "IAMUser" && identity.userName)
    return `arn:${partition}:iam::${account}:user/${identity.userName}`;
  // A network activity event names a caller of another account by account and unique id: its name stays a hole.
  const kind = identity.accountId ? ID_PREFIX_KINDS[identity.principalId?.slice(0, 4) ?? ""] : undefined;
  return kind ? `arn:${partition}:iam::${account}:${kind}` : null;
}

/** The partition of a Region's name (`cn-north-1` → aws-cn), aws when the Region is unknown. */
export function partitionOfRegion(region: string | undefined): string {
  if (region?.startsWith("cn-")) return "aws-cn";
  return region?.startsWith("us-gov-") ? "aws-us-gov" : "aws";
}

/**
 * A web identity or SAML caller has no ARN: its token's provider and subject are what a trust policy names, so they
 * join the request's values (`IdentityProvider`, `WebIdentitySubject`) for the fix to take.
 */
export function withFederatedCaller(values: RequestValues, record: CloudTrailRecord): RequestValues {
  const identity = record.userIdentity;
  if (identity?.type !== "WebIdentityUser" && identity?.type !== "SAMLUser") return values;
  const variables = { ...values.variables };
  if (identity.identityProvider) variables.IdentityProvider = identity.identityProvider;
  if (identity.userName) variables.WebIdentitySubject = identity.userName;
  return { ...values, variables };
}
