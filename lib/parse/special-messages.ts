import type { DenialKindFacts, PolicyType } from "../model";
import { anchored, anchorSet, execAnchored, includesAny, type AnchorSet } from "./anchors";
import { queueArnOfUrl } from "../iam";
import { ownEntry } from "../own";
import { SERVICE_DENIALS } from "./service-denials";
import { SERVICE_REFUSALS } from "./service-refusals";
import { GRANT_DENIALS } from "./grant-denials";
import { LAMBDA_MESSAGES } from "./lambda-messages";

/** What a fixed phrase tells beyond its kind. */
export interface SpecialFacts {
  /** The caller, when the phrase names it (an AWS service delivering on the account's behalf). */
  principal?: string;
  resource?: string;
  service?: string;
  /** The API operation, when the phrase names it and no wrapper does. */
  operation?: string;
  /** The caller's account, when the phrase names it and no ARN does. */
  account?: string;
  action?: string;
  statedPolicyType?: PolicyType;
}

/** A denial message that is not an IAM authorization sentence, recognised by a fixed phrase. */
export type SpecialHit = DenialKindFacts & SpecialFacts & { index: number; end: number };

/** Lambda errors that quote KMS's IAM sentence inside their own message. */
export type WrappingKind = "lambda-env-kms" | "lambda-stale-grant";

export interface SpecialPattern {
  pattern: RegExp;
  /** Literal text the pattern needs (one of): most lines are ruled out with indexOf before the regex runs. */
  anchors: AnchorSet;
  /** The facts a match gives: its kind, and what only that kind carries. */
  read: (match: RegExpExecArray) => DenialKindFacts & SpecialFacts;
  /** Set on the Lambda errors that quote an IAM sentence. */
  wraps?: WrappingKind;
}

/** The Glue calls a Lake Formation permission is named after, when it is one call's. */
const GLUE_ACTION_OF_PERMISSION: Record<string, string> = {
  CREATE_DATABASE: "glue:CreateDatabase",
  CREATE_TABLE: "glue:CreateTable",
};

/** "Create Table" on "sales" → CREATE_TABLE, glue:CreateTable, on database sales; "Catalog" is the account's catalog. */
function lakeFormationFacts(
  required: string | null,
  target: string | null,
  databaseName: string | null,
): DenialKindFacts & SpecialFacts {
  const permission = required ? required.toUpperCase().replaceAll(" ", "_") : null;
  const action = permission ? ownEntry(GLUE_ACTION_OF_PERMISSION, permission) : undefined;
  const onDatabase = permission === "CREATE_TABLE" ? target : null;
  return {
    kind: "lake-formation",
    service: "glue",
    requiredPermission: permission,
    databaseName: databaseName ?? onDatabase,
    ...(action ? { action } : {}),
    ...(target && target !== "Catalog" ? { resource: target } : {}),
  };
}

/** Ordered most specific first: the first kind found on a line wins. */
const PATTERNS: SpecialPattern[] = [
  ...LAMBDA_MESSAGES,
  {
    pattern: /Permissions on the destination (queue|topic) do not allow S3 to publish notifications/,
    anchors: anchorSet("do not allow S3 to publish notifications"),
    read: (m) =>
      m[1] === "topic"
        ? { kind: "s3-notification-destination", principal: "s3.amazonaws.com", service: "sns", action: "sns:Publish" }
        : {
            kind: "s3-notification-destination",
            principal: "s3.amazonaws.com",
            service: "sqs",
            action: "sqs:SendMessage",
          },
  },
  {
    pattern: /Unable to validate the following destination configurations/,
    anchors: anchorSet("Unable to validate the following destination configurations"),
    read: () => ({ kind: "s3-notification-destination", service: "lambda", action: "lambda:InvokeFunction" }),
  },
  {
    pattern: /The ciphertext refers to a customer master key that does not exist/,
    anchors: anchorSet("The ciphertext refers to a customer master key that does not exist"),
    read: () => ({ kind: "kms-opaque", service: "kms", action: "kms:Decrypt" }),
  },
  // An SNS delivery-status log whose queue is encrypted: SNS itself was refused the queue's key.
  {
    pattern: /"providerResponse".{0,200}?KMS\.AccessDeniedException/,
    anchors: anchorSet('"providerResponse"'),
    read: () => ({
      kind: "generic-denied",
      principal: "sns.amazonaws.com",
      service: "kms",
      action: "kms:GenerateDataKey",
    }),
  },
  // An SNS delivery-status log: the topic's delivery to a queue was refused, so the caller is SNS itself.
  {
    pattern: /"providerResponse".{0,200}?Access to the resource (https:\/\/\S{1,300}) is denied/,
    anchors: anchorSet('"providerResponse"'),
    read: (m) => ({
      kind: "sqs-legacy",
      principal: "sns.amazonaws.com",
      resource: queueArnOfUrl(m[1] ?? "") ?? undefined,
      service: "sqs",
      action: "sqs:SendMessage",
    }),
  },
  {
    pattern:
      /Access to the resource (https:\/\/(?:sqs\.|[\w-]{1,30}\.queue\.|queue\.)[\w.-]{1,100}\/\S{0,300}) is denied/,
    anchors: anchorSet("Access to the resource https://"),
    read: (m) => ({ kind: "sqs-legacy", resource: queueArnOfUrl(m[1] ?? "") ?? undefined, service: "sqs" }),
  },
  ...SERVICE_REFUSALS,
  ...SERVICE_DENIALS,
  ...GRANT_DENIALS,
  // Secrets Manager (and others) when the caller may not use the key that encrypts the value.
  {
    pattern: /Access to KMS is not allowed/,
    anchors: anchorSet("Access to KMS is not allowed"),
    read: () => ({ kind: "generic-denied", service: "kms", action: "kms:Decrypt" }),
  },
  // Bedrock's refusal when the account lacks access to the model (a setting, not a policy): not-a-policy.ts ranks it.
  {
    pattern: /Your account is not authorized to invoke this API operation/,
    anchors: anchorSet("Your account is not authorized to invoke this API operation"),
    read: () => ({ kind: "generic-denied", service: "bedrock" }),
  },
  // CloudWatch Logs names only the account: "User with accountId: 123456789012 is not authorized to perform
  // CreateLogGroup with Tags". Creating with tags needs the tagging action, which is what was missing.
  {
    pattern:
      /User with accountId: ?(\d{12}|\S{1,40}) is not authorized\s+to\s+perform\s+([A-Z][A-Za-z]{1,60})(\s+with\s+Tags)?/,
    anchors: anchorSet("User with accountId:"),
    read: (m) => ({
      kind: "generic-denied",
      service: "logs",
      account: /^\d{12}$/.test(m[1] ?? "") ? m[1] : undefined,
      operation: m[2],
      action: m[3] ? "logs:TagResource" : `logs:${m[2] ?? ""}`,
    }),
  },
  {
    pattern:
      /You are not authorized to perform this operation\.?(?: Encoded authorization failure message: ([\w+/=-]{1,20000}))?/,
    anchors: anchorSet("You are not authorized to perform this operation"),
    read: (m) => ({ kind: "ec2-encoded", service: "ec2", encodedMessage: m[1] ?? null }),
  },
  // CloudTrail network activity events (errorCode VpceAccessDenied).
  {
    pattern: /The request was denied due to a VPC endpoint policy/i,
    anchors: anchorSet("denied due to a VPC endpoint policy", "denied due to a vpc endpoint policy"),
    read: () => ({ kind: "generic-denied", statedPolicyType: "vpc-endpoint" }),
  },
  {
    pattern: /not authorized to perform the required AWS Marketplace actions \(`?(aws-marketplace:\w{1,80})/,
    anchors: anchorSet("not authorized to perform the required AWS Marketplace actions"),
    read: (m) => ({ kind: "bedrock-marketplace", service: "aws-marketplace", action: m[1] }),
  },
  {
    // "…: Required Create Database on Catalog" names the permission and what it is needed on; "… on sales_db
    // (Database name: sales_db)" names only the table or database.
    pattern: new RegExp(
      String.raw`Insufficient Lake Formation permission\(s\)` +
        String.raw`(?:: Required ((?:[A-Za-z]{1,40} ){1,4}?)on ([^\s()]{1,1024})| on ([^\s()]{1,1024}))?` +
        String.raw`(?:[ \t]{0,4}\(Database name: ([^\s(),]{1,255}))?`,
    ),
    anchors: anchorSet("Insufficient Lake Formation permission"),
    read: (m) => lakeFormationFacts(m[1]?.trim() ?? null, m[2] ?? m[3] ?? null, m[4] ?? null),
  },
  {
    pattern: /Insufficient permissions to execute the query|\bPERMISSION_DENIED\b/,
    anchors: anchorSet("Insufficient permissions to execute the query", "PERMISSION_DENIED"),
    read: () => ({ kind: "athena-query", service: "athena" }),
  },
  // The short form SDKs and the STS console write: "Not authorized to perform sts:AssumeRoleWithWebIdentity", and
  // Network Firewall's "user is not authorized perform iam:CreateServiceLinkedRole" (sic).
  {
    pattern: /\b[Nn]ot authorized (?:to )?perform:? `?([A-Za-z0-9-]{1,40}):([A-Za-z0-9*]{1,80})/,
    anchors: anchorSet("ot authorized to perform", "ot authorized perform"),
    read: (m) => ({
      kind: "generic-denied",
      service: (m[1] ?? "").toLowerCase(),
      action: `${(m[1] ?? "").toLowerCase()}:${m[2] ?? ""}`,
    }),
  },
  // The S3 console: "You or your AWS administrator must update your IAM permissions to allow s3:GetBucketVersioning."
  {
    pattern: /update your IAM permissions to allow ([a-z0-9-]{1,40}):([A-Za-z0-9*]{1,80})/,
    anchors: anchorSet("update your IAM permissions to allow "),
    read: (m) => ({ kind: "generic-denied", service: m[1] ?? "", action: `${m[1] ?? ""}:${m[2] ?? ""}` }),
  },
  {
    pattern: /\bKMSAccessDeniedException\b/,
    anchors: anchorSet("KMSAccessDeniedException"),
    read: () => ({ kind: "generic-denied", service: "kms" }),
  },
  // A HEAD request's 403 has no body to name a code, so each SDK says "Forbidden" its own way (Go v1: "Forbidden: Forbidden").
  {
    pattern:
      /when calling the (Head\w{1,60}) operation: Forbidden|operation error S3: (Head\w{1,60}), https response error StatusCode: 403|\bForbidden: Forbidden\b/,
    anchors: anchorSet(" operation: Forbidden", ", https response error StatusCode: 403", "Forbidden: Forbidden"),
    read: () => ({ kind: "http-forbidden" }),
  },
  {
    pattern: /\bAccess ?Denied(?:Exception)?\b/,
    anchors: anchorSet("Access"),
    read: () => ({ kind: "generic-denied" }),
  },
];

function matchPattern({ pattern, anchors }: SpecialPattern, line: string): RegExpExecArray | null {
  return includesAny(line, anchors) ? pattern.exec(line) : null;
}

/** Finds the most specific non-IAM-sentence denial phrase in one line, if any. */
export function findSpecialMessage(line: string): SpecialHit | null {
  for (const special of PATTERNS) {
    const match = matchPattern(special, line);
    if (match) return { index: match.index, end: match.index + match[0].length, ...special.read(match) };
  }
  return null;
}

/**
 * The most specific phrase that a line break cuts in two ("The function execution\nrole does not have…"): only a
 * match that starts before `join` and ends after it counts, so a phrase wholly on either side is left to its own line.
 */
export function findSpecialMessageAcross(text: string, join: number): SpecialHit | null {
  for (const special of PATTERNS) {
    const match = matchPattern(special, text);
    if (match && match.index < join && match.index + match[0].length > join) {
      return { index: match.index, end: match.index + match[0].length, ...special.read(match) };
    }
  }
  return null;
}

/** Patterns after the last wrapping kind cannot change findWrappingKind's answer, so they are not tried. */
const WRAPPING_PATTERNS = PATTERNS.slice(0, PATTERNS.findLastIndex((special) => special.wraps !== undefined) + 1);

/**
 * For a line that holds an IAM sentence: the Lambda error kind quoting it, when that is the line's most
 * specific phrase (what findSpecialMessage would name first).
 */
export function findWrappingKind(line: string): WrappingKind | null {
  for (const special of WRAPPING_PATTERNS) {
    if (matchPattern(special, line)) return special.wraps ?? null;
  }
  return null;
}

const ENCODED_MESSAGE = anchored(
  /Encoded authorization failure message: ([\w+/=-]{1,20000})/,
  "Encoded authorization failure message: ",
);

/** The encoded EC2 authorization message, when a line carries one. */
export function findEncodedMessage(line: string): string | null {
  return execAnchored(ENCODED_MESSAGE, line)?.[1] ?? null;
}
