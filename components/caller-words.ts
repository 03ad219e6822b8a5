import type { Caller, CallerKind, Fix } from "@/lib/wire";

const OWNER_WORDS: Record<Fix["owner"], string> = {
  you: "You",
  "sso-admin": "The SSO administrator — change the permission set, not the role",
  "resource-owner": "The resource's owner",
  "key-admin": "The key's administrators",
  "organization-admin": "The organization's administrators",
  "iam-admin": "Your IAM / platform team",
  "network-admin": "Your network / platform team",
};

/** Who makes a fix's change, in the caller's terms: "you" is the function's, the role's or the user's owner. */
export function ownerWords(owner: Fix["owner"], caller: Caller): string {
  if (owner !== "you") return OWNER_WORDS[owner];
  if (caller.kind === "root") return "The account's root user";
  if (caller.kind === "lambda-function") return "You (the function's owner)";
  if (caller.kind === "iam-user") return `You (whoever administers user ${caller.name ?? "this user"})`;
  if (caller.kind === "assumed-role" || caller.kind === "other-account") return "You (the role's owner)";
  return "You";
}

/** The caller's box in the picture. */
export function callerLabel(caller: Caller): string {
  const name = caller.name ? `: ${caller.name}` : "";
  return {
    "lambda-function": `Lambda function${name}`,
    "assumed-role": `Role${name}`,
    "sso-role": `SSO user (permission set${name})`,
    "iam-user": `IAM user${name}`,
    root: "Root user",
    "federated-user": `Federated user${name}`,
    "aws-service": `AWS service${name}`,
    anonymous: "Anonymous caller",
    "other-account": `Other account's role${name}`,
    unknown: "Caller",
  }[caller.kind];
}

const IDENTITY_POLICY: Partial<Record<CallerKind, string>> = {
  "lambda-function": "Execution role",
  "sso-role": "Permission set",
  "iam-user": "User's policies",
  root: "No identity policy (root)",
  anonymous: "No identity policy",
  "aws-service": "Service's own rules",
};

/** The name of the caller's own identity policy: the execution role, the user's or the permission set's policy. */
export function identityPolicyLabel(caller: Caller): string {
  return IDENTITY_POLICY[caller.kind] ?? "Role's policies";
}
