import { LAYER_INFO } from "@/lib/classify";
import { parseArn } from "@/lib/iam";
import type { Caller, CallerKind, Fix, Layer } from "@/lib/wire";

const OWNER_WORDS: Record<Fix["owner"], string> = {
  you: "You",
  "sso-admin": "The SSO administrator — change the permission set, not the role",
  "resource-owner": "The resource's owner",
  "key-admin": "The key's administrators",
  "organization-admin": "The organization's administrators",
  "iam-admin": "Your IAM / platform team",
  "network-admin": "Your network / platform team",
};

/**
 * Who makes a fix's change, in the caller's terms: "you" is the function's, the role's or the user's owner, except in
 * a resource's own policy, where "you" means the resource is in the caller's account.
 */
export function ownerWords({ owner, layer }: Pick<Fix, "owner" | "layer">, caller: Caller): string {
  if (owner !== "you") return OWNER_WORDS[owner];
  if (layer === "resource-policy") return "You (the resource is in the caller's account)";
  if (caller.kind === "root") return "The account's root user";
  if (caller.kind === "lambda-function") return "You (the function's owner)";
  if (caller.kind === "iam-user") return `You (whoever administers user ${caller.name ?? "this user"})`;
  if (caller.kind === "assumed-role" || caller.kind === "other-account") return "You (the role's owner)";
  return "You";
}

/** The caller's box in the picture: what it is, then its name (cut to fit the box). */
export function callerLines(caller: Caller): [string, string | null] {
  const title = {
    "lambda-function": "Lambda function",
    "assumed-role": "Role session",
    "sso-role": "SSO permission set",
    "iam-user": "IAM user",
    root: "Root user",
    "federated-user": "Federated user",
    "aws-service": "AWS service",
    anonymous: "Anonymous caller",
    "other-account": "Other account",
    unknown: "Caller",
  }[caller.kind];
  return [title, caller.name ? shorten(caller.name) : null];
}

/** The target's box: the kind of thing the resource ARN names. */
export function targetLines(service: string | null, resource: string | null): [string, string | null] {
  const title = (service && TARGET_WORDS[service]) ?? (service ? `${service} resource` : "Target");
  const name = resource ? targetName(service, resource) : "";
  return [title, name && name !== "*" ? shorten(name) : null];
}

const TARGET_WORDS: Record<string, string> = {
  s3: "S3 bucket",
  kms: "KMS key",
  "execute-api": "API Gateway API",
  sts: "Role",
  lambda: "Lambda function",
  sqs: "SQS queue",
  sns: "SNS topic",
  secretsmanager: "Secret",
  dynamodb: "DynamoDB table",
};

/** The bucket of an S3 ARN, the API id of an execute-api ARN, else the resource's last segment. */
function targetName(service: string | null, resource: string): string {
  const arn = parseArn(resource);
  if (arn && (service === "s3" || service === "execute-api")) return arn.resource.split("/")[0] ?? arn.resource;
  return resource.slice(Math.max(resource.lastIndexOf("/"), resource.lastIndexOf(":")) + 1);
}

function shorten(text: string): string {
  return text.length > 18 ? `${text.slice(0, 17)}…` : text;
}

/**
 * A layer's name in the caller's terms: "Execution role" only for a function, else the user's, the permission set's
 * or, when the message names no caller, the caller's.
 */
export function layerLabel(layer: Layer, caller: Caller): string {
  if (layer !== "execution-role" || caller.kind === "lambda-function") {
    return LAYER_INFO[layer].label;
  }
  return `${identityPolicyLabel(caller)} (identity policy)`;
}

const IDENTITY_POLICY: Partial<Record<CallerKind, string>> = {
  "lambda-function": "Execution role",
  "sso-role": "Permission set",
  "iam-user": "User's policies",
  root: "No identity policy (root)",
  anonymous: "No identity policy",
  "aws-service": "Service's own rules",
  unknown: "Caller's policies",
};

/** The name of the caller's own identity policy: the execution role, the user's or the permission set's policy. */
export function identityPolicyLabel(caller: Caller): string {
  return IDENTITY_POLICY[caller.kind] ?? "Role's policies";
}
