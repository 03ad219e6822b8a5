import { isDenialRecord, type CloudTrailRecord } from "../parse";
import type { RoleTarget } from "./role";

/** The record's caller is a session of the role (its own calls, or Lambda's awslambda_* sessions). */
function isCallerRole(record: CloudTrailRecord, target: RoleTarget): boolean {
  const identity = record.userIdentity;
  const issuer = identity?.sessionContext?.sessionIssuer?.arn;
  if (issuer) return sameRoleArn(issuer, target);
  const arn = identity?.arn;
  if (!arn) return false;
  const sessionPrefix = `arn:${target.partition}:sts::${target.account}:assumed-role/`;
  if (!arn.startsWith(sessionPrefix)) return false;
  const roleName = arn.slice(sessionPrefix.length).split("/")[0] ?? "";
  return roleName.toLowerCase() === target.roleName.toLowerCase();
}

/** Someone was denied assuming the role: its trust policy is in question. */
function isRoleAssumedBy(record: CloudTrailRecord, target: RoleTarget): boolean {
  if (!record.eventName.startsWith("AssumeRole")) return false;
  const requested = (record.requestParameters as { roleArn?: unknown } | undefined)?.roleArn;
  if (typeof requested === "string") return sameRoleArn(requested, target);
  return record.errorMessage?.includes(`:role/${target.roleName}`) ?? false;
}

/** Role ARNs compare with their path ignored and the name case-insensitive, as IAM names are. */
function sameRoleArn(arn: string, target: RoleTarget): boolean {
  const prefix = `arn:${target.partition}:iam::${target.account}:role/`;
  if (!arn.startsWith(prefix)) return false;
  const name = arn.slice(prefix.length).split("/").pop() ?? "";
  return name.toLowerCase() === target.roleName.toLowerCase();
}

/** True for a denial the role was refused, or a refusal to let someone assume the role. */
export function isRoleDenial(record: CloudTrailRecord, target: RoleTarget): boolean {
  return isDenialRecord(record) && (isCallerRole(record, target) || isRoleAssumedBy(record, target));
}

/** A call the role made, or someone made to assume it, that succeeded: it can resolve an earlier denial of the same call. */
export function isRoleSuccess(record: CloudTrailRecord, target: RoleTarget): boolean {
  return !record.errorCode && (isCallerRole(record, target) || isRoleAssumedBy(record, target));
}

/** Any record without an error: what resolves denials when an upload keeps every denial. */
export function isSuccessRecord(record: CloudTrailRecord): boolean {
  return !record.errorCode;
}
