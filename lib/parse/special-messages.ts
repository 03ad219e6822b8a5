import type { DenialKind } from "../model";
import { anchored, execAnchored, includesAny } from "./anchors";
import { ownEntry } from "../own";

/** A denial message that is not an IAM authorization sentence, recognised by a fixed phrase. */
export interface SpecialHit {
  kind: DenialKind;
  index: number;
  resource?: string;
  detail?: string;
  service?: string;
  action?: string;
  encodedMessage?: string;
}

interface SpecialPattern {
  kind: DenialKind;
  pattern: RegExp;
  /** Literal text the pattern needs (one of): most lines are ruled out with indexOf before the regex runs. */
  anchors: string[];
  read?: (match: RegExpExecArray) => Omit<SpecialHit, "kind" | "index">;
}

const LAMBDA_PERMISSION_SERVICES: Record<string, string> = {
  ec2: "ec2",
  sqs: "sqs",
  sns: "sns",
  kinesis: "kinesis",
  dynamodb: "dynamodb",
  s3: "s3",
  kafka: "kafka",
};

function lambdaMissingPermission(operation: string, label: string): Omit<SpecialHit, "kind" | "index"> {
  const service = ownEntry(LAMBDA_PERMISSION_SERVICES, label.toLowerCase()) ?? label.toLowerCase();
  return { service, action: `${service}:${operation}`, detail: `${operation} on ${label}` };
}

/** Ordered most specific first: the first kind found on a line wins. */
const PATTERNS: SpecialPattern[] = [
  {
    kind: "lambda-stale-grant",
    pattern: /KMS Exception: UnrecognizedClientException/,
    anchors: ["KMS Exception: UnrecognizedClientException"],
    read: () => ({ service: "kms", action: "kms:Decrypt" }),
  },
  // Before lambda-env-kms: Kinesis raises a KMSAccessDeniedException of its own.
  {
    kind: "kinesis-kms",
    pattern: /is not authorized to decrypt records in stream/,
    anchors: ["is not authorized to decrypt records in stream"],
    read: () => ({ service: "kms", action: "kms:Decrypt" }),
  },
  {
    kind: "lambda-env-kms",
    pattern: /unable to decrypt the environment variables because KMS access was denied|KMSAccessDeniedException/,
    anchors: ["unable to decrypt the environment variables because KMS access was denied", "KMSAccessDeniedException"],
    read: () => ({ service: "kms", action: "kms:Decrypt" }),
  },
  {
    kind: "lambda-role-not-assumable",
    pattern: /The role defined for the function cannot be assumed by Lambda/,
    anchors: ["The role defined for the function cannot be assumed by Lambda"],
    read: () => ({ service: "sts", action: "sts:AssumeRole" }),
  },
  {
    kind: "lambda-role-missing-permission",
    pattern: /execution role does not have permissions to call (\w{1,80}) on (\w{1,40})/,
    anchors: ["execution role does not have permissions to call "],
    read: (m) => lambdaMissingPermission(m[1] ?? "", m[2] ?? ""),
  },
  {
    kind: "lambda-role-missing-permission",
    pattern:
      /Your access has been denied by EC2, please make sure your function execution role have permission to (\w{1,80})/,
    anchors: ["Your access has been denied by EC2, please make sure your function execution role have permission to "],
    read: (m) => lambdaMissingPermission(m[1] ?? "", "EC2"),
  },
  {
    kind: "lambda-stream-access",
    pattern:
      /Cannot access stream (arn:[^\s.]{1,400}(?:\.[^\s.]{1,400})*)\. Please ensure the role can perform the ([\w, ]{1,120}) Actions/,
    anchors: ["Cannot access stream arn:"],
    read: (m) => {
      const service = (m[1] ?? "").split(":")[2] ?? "dynamodb";
      return { resource: m[1], service, action: `${service}:GetRecords`, detail: m[2] };
    },
  },
  {
    kind: "apigw-invalid-permissions",
    pattern: /Invalid permissions on Lambda function/,
    anchors: ["Invalid permissions on Lambda function"],
    read: () => ({ service: "lambda", action: "lambda:InvokeFunction" }),
  },
  {
    kind: "s3-notification-destination",
    pattern: /Unable to validate the following destination configurations/,
    anchors: ["Unable to validate the following destination configurations"],
    read: () => ({ service: "lambda", action: "lambda:InvokeFunction" }),
  },
  {
    kind: "kms-opaque",
    pattern: /The ciphertext refers to a customer master key that does not exist/,
    anchors: ["The ciphertext refers to a customer master key that does not exist"],
    read: () => ({ service: "kms", action: "kms:Decrypt" }),
  },
  {
    kind: "sqs-legacy",
    pattern: /Access to the resource (https:\/\/sqs\.[\w.-]{1,100}\/\S{0,300}) is denied/,
    anchors: ["Access to the resource https://sqs."],
    read: (m) => ({ resource: m[1], service: "sqs" }),
  },
  {
    kind: "ec2-encoded",
    pattern:
      /You are not authorized to perform this operation\.?(?: Encoded authorization failure message: ([\w+/=-]{1,20000}))?/,
    anchors: ["You are not authorized to perform this operation"],
    read: (m) => ({ service: "ec2", encodedMessage: m[1] }),
  },
  {
    kind: "http-forbidden",
    pattern:
      /when calling the (Head\w{1,60}) operation: Forbidden|operation error S3: (Head\w{1,60}), https response error StatusCode: 403/,
    anchors: [" operation: Forbidden", ", https response error StatusCode: 403"],
  },
  {
    kind: "generic-denied",
    pattern: /\bAccess ?Denied(?:Exception)?\b/,
    anchors: ["Access"],
  },
];

function matchPattern({ pattern, anchors }: SpecialPattern, line: string): RegExpExecArray | null {
  return includesAny(line, anchors) ? pattern.exec(line) : null;
}

/** Finds the most specific non-IAM-sentence denial phrase in one line, if any. */
export function findSpecialMessage(line: string): SpecialHit | null {
  for (const special of PATTERNS) {
    const match = matchPattern(special, line);
    if (match) return { kind: special.kind, index: match.index, ...(special.read ? special.read(match) : {}) };
  }
  return null;
}

/** Lambda errors that quote KMS's IAM sentence inside their own message. */
const WRAPPING_KINDS = new Set<DenialKind>(["lambda-env-kms", "lambda-stale-grant"]);
const LAST_WRAPPING_PATTERN = PATTERNS.findLastIndex((special) => WRAPPING_KINDS.has(special.kind));

/**
 * For a line that holds an IAM sentence: the Lambda error kind quoting it, when that is the line's most
 * specific phrase (what findSpecialMessage would name first). Patterns after the last wrapping kind
 * cannot change the answer, so they are not tried.
 */
export function findWrappingKind(line: string): DenialKind | null {
  for (let index = 0; index <= LAST_WRAPPING_PATTERN; index++) {
    const special = PATTERNS[index]!;
    if (matchPattern(special, line)) return WRAPPING_KINDS.has(special.kind) ? special.kind : null;
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
