import type { Caller, DenialRecord } from "../model";
import { describePrincipal, isAccountId, parseArn, type PrincipalInfo } from "./arn";
import { callerOfPrincipal, functionSessionOf, isReadable } from "./caller";
import { principalRolePath } from "./role-path";

/** The names a check or fix needs, read once from a denial, with <PLACEHOLDERS> for what it hid. */
export interface Subject {
  partition: string;
  region: string;
  account: string;
  principal: PrincipalInfo | null;
  caller: Caller;
  /** Role or user name to attach a policy to. */
  identityName: string;
  identityKind: "role" | "user";
  /** ARN that a resource or key policy should name as Principal. */
  principalArn: string;
  /** Lambda function name when the caller looks like a function's own session. */
  functionName: string | null;
  resourceArn: string | null;
  /** Last path segment of the resource: bucket, function, key id, secret, queue or topic name. */
  resourceName: string;
  bucket: string | null;
  /** The VPC endpoint a network activity event passed through. */
  vpcEndpoint: string | null;
}

function hole(name: string): string {
  return `<${name}>`;
}

/** Words a message writes before a resource's name or ARN ("on resource: role MyRole", "policy arn:…"). */
export const RESOURCE_DESCRIPTORS = new Set(["policy", "role", "user", "group", "bucket", "key", "function"]);

/** The name or ARN a message gave for the resource, without the word before it: "role MyRole" → "MyRole". */
export function namedResource(resource: string | null): string | null {
  const space = resource?.indexOf(" ") ?? -1;
  return resource && space !== -1 && RESOURCE_DESCRIPTORS.has(resource.slice(0, space))
    ? resource.slice(space + 1)
    : resource;
}

/** Reads the subject of a denial: who called, on what, where. */
export function subjectOf(record: DenialRecord): Subject {
  const principal = describePrincipal(record.principal);
  const resourceArn = record.resource ? parseArn(record.resource) : null;
  const account = isAccountId(record.account) ? record.account : (principal?.account ?? hole("ACCOUNT_ID"));
  // A call's Region is its resource's; the resource's account may be another's, so it does not stand in for the caller's.
  const region =
    regionName(record.region) ?? regionName(resourceArn?.region) ?? regionOfCutArn(record.resource) ?? hole("REGION");
  const identityKind = principal?.kind === "user" ? "user" : "role";
  const readableName = principal?.name === null || isReadable(principal?.name);
  const identityName =
    readableName && principal?.name ? principal.name : hole(identityKind === "user" ? "USER_NAME" : "ROLE_NAME");
  const callerAccount = principal?.account ?? (callerOfAnotherAccount(record) ? hole("CALLER_ACCOUNT_ID") : account);
  const principalArn =
    principal?.policyArn && readableName
      ? policyArnOf(principal, callerAccount)
      : `arn:${record.partition}:iam::${callerAccount}:${identityKind}/${identityName}`;
  const functionName = functionSessionOf(principal);
  const requested = record.requestValues;
  const bucket =
    resourceArn?.service === "s3"
      ? resourceArn.resource.slice(0, indexOrEnd(resourceArn.resource, "/"))
      : (requested?.BucketName ?? null);
  const resourceName = resourceArn
    ? lastSegment(resourceArn.resource)
    : isReadable(namedResource(record.resource))
      ? namedResource(record.resource)!
      : (firstRequestedName(requested) ?? hole("RESOURCE_NAME"));
  return {
    partition: record.partition,
    region,
    account,
    principal,
    caller: callerOfPrincipal(record.principal, principal, resourceArn?.account ?? null, functionName),
    identityName,
    identityKind,
    principalArn,
    functionName,
    resourceArn: record.resource && resourceArn ? record.resource : null,
    resourceName,
    bucket,
    vpcEndpoint: requested?.VpcEndpointId ?? null,
  };
}

/**
 * True when a message that hides the caller's account still shows it is another account's: "no resource-based policy
 * allows" denies only a caller from outside (within one account an identity policy's Allow is enough), except for KMS,
 * whose key policy must allow even the key's own account. The account shown is then the owner's, not the caller's.
 */
export function callerOfAnotherAccount(record: DenialRecord): boolean {
  if (!isAccountId(record.account) || record.service === "kms") return false;
  return record.statedPolicyType === "resource-based" && record.statedReason === "no-allow";
}

const REGION = /^[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d$/;

/** A Region's own name (or `*`), or null for none or a writer's word in its place (`region`, `<region>`). */
function regionName(region: string | null | undefined): string | null {
  return region && (region === "*" || REGION.test(region)) ? region : null;
}

/** The Region of an ARN cut short after it (`arn:aws:elasticloadbalancing:us-east-1:*`), which parseArn rejects. */
function regionOfCutArn(resource: string | null): string | null {
  if (!resource?.startsWith("arn:")) return null;
  const region = resource.split(":", 4)[3];
  return region && REGION.test(region) ? region : null;
}

/** The ARN a policy names the caller by: an assumed role's with the path its session ARN leaves out. */
function policyArnOf(principal: PrincipalInfo, account: string): string {
  if (principal.kind !== "assumed-role" || !principal.name)
    return (principal.policyArn ?? "").replace("<ACCOUNT_ID>", account);
  const owner = principal.account ?? account;
  return `arn:${principal.partition}:iam::${owner}:role/${principalRolePath(principal.name)}${principal.name}`;
}

/** The first resource the request named by name (its bucket, instance, function), not its Region or account. */
function firstRequestedName(values: Record<string, string> | null): string | null {
  if (!values) return null;
  for (const name in values) if (name !== "Region" && name !== "Account") return values[name] ?? null;
  return null;
}

/** What follows the last `/` or `:`, or the whole resource when that is empty. */
function lastSegment(resource: string): string {
  return resource.slice(Math.max(resource.lastIndexOf("/"), resource.lastIndexOf(":")) + 1) || resource;
}

function indexOrEnd(text: string, search: string): number {
  const index = text.indexOf(search);
  return index === -1 ? text.length : index;
}
