import type { DenialKindFacts } from "../model";
import { actionForOperation } from "../iam";
import { ownEntry } from "../own";
import { anchorSet } from "./anchors";
import type { SpecialFacts, SpecialPattern } from "./special-messages";

const LAMBDA_PERMISSION_SERVICES: Record<string, string> = {
  ec2: "ec2",
  sqs: "sqs",
  sns: "sns",
  kinesis: "kinesis",
  dynamodb: "dynamodb",
  s3: "s3",
  kafka: "kafka",
};

function lambdaMissingPermission(operation: string, label: string): DenialKindFacts & SpecialFacts {
  const service = ownEntry(LAMBDA_PERMISSION_SERVICES, label.toLowerCase()) ?? label.toLowerCase();
  return {
    kind: "lambda-role-missing-permission",
    service,
    action: `${service}:${operation}`,
    detail: `${operation} on ${label}`,
  };
}

/** "denied by S3 … permission to GetObject for bucket/key": the named service's action, on the object it names. */
function relayedDenial(label: string, operation: string, target: string | null): DenialKindFacts & SpecialFacts {
  const service = label.toLowerCase();
  const action = `${service}:${actionForOperation(service, operation)}`;
  const resource = service === "s3" && target ? `arn:aws:s3:::${target}` : undefined;
  return { kind: "generic-denied", service, action, ...(resource ? { resource } : {}) };
}

/**
 * Lambda's own denial messages, and the KMS refusals of the streams and functions around it: ordered most specific
 * first, and before every other family (the bare KMSAccessDeniedException is Lambda's only with Lambda around it).
 */
export const LAMBDA_MESSAGES: SpecialPattern[] = [
  {
    pattern: /KMS Exception: UnrecognizedClientException/,
    anchors: anchorSet("KMS Exception: UnrecognizedClientException"),
    read: () => ({ kind: "lambda-stale-grant", service: "kms", action: "kms:Decrypt" }),
    wraps: "lambda-stale-grant",
  },
  // Before lambda-env-kms: Kinesis raises a KMSAccessDeniedException of its own.
  {
    pattern: /is not authorized to decrypt records in stream/,
    // Not the whole phrase: its first 21 characters are every IAM sentence's, so each one would be compared that far.
    anchors: anchorSet("decrypt records in stream"),
    read: () => ({ kind: "kinesis-kms", service: "kms", action: "kms:Decrypt" }),
  },
  // Firehose reading an SSE-KMS Kinesis stream: its delivery role needs kms:Decrypt on the stream's key.
  {
    pattern: /Firehose does not have access to the KMS Key used to encrypt\/decrypt the Kinesis Stream/,
    anchors: anchorSet("Firehose does not have access to the KMS Key"),
    read: () => ({ kind: "kinesis-kms", service: "kms", action: "kms:Decrypt" }),
  },
  // The bare code is Lambda's only with Lambda around it: Kinesis and API Gateway integrations raise it too.
  {
    pattern: new RegExp(
      [
        "unable to decrypt the environment variables because KMS access was denied",
        "Lambda\\.KMSAccessDeniedException",
        "KMSAccessDeniedException\\) when calling the Invoke operation",
      ].join("|"),
    ),
    anchors: anchorSet(
      "unable to decrypt the environment variables because KMS access was denied",
      "Lambda.KMSAccessDeniedException",
      "KMSAccessDeniedException) when calling the Invoke operation",
    ),
    read: () => ({ kind: "lambda-env-kms", service: "kms", action: "kms:Decrypt" }),
    wraps: "lambda-env-kms",
  },
  {
    pattern: /The role defined for the function cannot be assumed by Lambda/,
    anchors: anchorSet("The role defined for the function cannot be assumed by Lambda"),
    read: () => ({ kind: "lambda-role-not-assumable", service: "sts", action: "sts:AssumeRole" }),
  },
  {
    pattern: /execution role does not have permissions to call (\w{1,80}) on (\w{1,40})/,
    anchors: anchorSet("execution role does not have permissions to call "),
    read: (m) => lambdaMissingPermission(m[1] ?? "", m[2] ?? ""),
  },
  // Lambda relaying another service's refusal: of the function's execution role, or of the caller's own credentials
  // (a VPC function's UpdateFunctionConfiguration checks the caller's ec2:DescribeSecurityGroups).
  {
    pattern: new RegExp(
      String.raw`Your access has been denied by (\w{1,40}), please make sure your ` +
        String.raw`(function execution role|request credentials) have permission to\s{0,4}\*?(\w{1,80})` +
        String.raw`(?: for (\S{0,1024}[^\s.]))?`,
    ),
    anchors: anchorSet("Your access has been denied by "),
    read: (m) =>
      m[2] === "request credentials"
        ? relayedDenial(m[1] ?? "", m[3] ?? "", m[4] ?? null)
        : lambdaMissingPermission(m[3] ?? "", m[1] ?? ""),
  },
  {
    pattern:
      /Cannot access stream (arn:[^\s.]{1,400}(?:\.[^\s.]{1,400})*)\. Please ensure the role can perform the ([\w, ]{1,120}) Actions/,
    anchors: anchorSet("Cannot access stream arn:"),
    read: (m) => {
      const service = (m[1] ?? "").split(":")[2] ?? "dynamodb";
      return {
        kind: "lambda-stream-access",
        resource: m[1],
        service,
        action: `${service}:GetRecords`,
        detail: m[2] ?? "",
      };
    },
  },
  {
    pattern: /Invalid permissions on Lambda function/,
    anchors: anchorSet("Invalid permissions on Lambda function"),
    read: () => ({ kind: "apigw-invalid-permissions", service: "lambda", action: "lambda:InvokeFunction" }),
  },
];
