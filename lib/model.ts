/**
 * The engine's shared vocabulary. Data flows one way: parse → DenialRecord,
 * classify → Classification, fix → Fix, and diagnose assembles a Finding.
 */

/** The policy type AWS itself names in the message ("no identity-based policy allows…"). */
export type PolicyType =
  | "identity-based"
  | "resource-based"
  | "service-control"
  | "resource-control"
  | "permissions-boundary"
  | "session"
  | "vpc-endpoint"
  | "role-trust"
  | "s3-block-public-access";

/** Whether AWS says nothing allowed the request, or a statement denied it. */
export type StatedReason = "no-allow" | "explicit-deny" | "unstated";

/** Which family of message the denial came from; drives classification. */
export type DenialKind =
  | "iam-authorization" // "User: … is not authorized to perform: …"
  | "generic-denied" // bare "Access Denied" / AccessDenied code with no principal or action
  | "http-forbidden" // HEAD request 403 without a body
  | "kms-opaque" // "The ciphertext refers to a customer master key that does not exist…"
  | "kinesis-kms" // "not authorized to decrypt records in stream"
  | "lambda-env-kms" // KMSAccessDeniedException while decrypting environment variables
  | "lambda-stale-grant" // UnrecognizedClientExceptionKMS after the role was recreated
  | "lambda-role-not-assumable" // "The role defined for the function cannot be assumed by Lambda."
  | "lambda-role-missing-permission" // "…execution role does not have permissions to call X on Y"
  | "lambda-stream-access" // "Cannot access stream …"
  | "apigw-invalid-permissions" // "Invalid permissions on Lambda function"
  | "execute-api-anonymous" // "User: anonymous is not authorized to perform: execute-api:Invoke"
  | "s3-notification-destination" // "Unable to validate the following destination configurations"
  | "sqs-legacy" // "Access to the resource https://sqs… is denied."
  | "ec2-encoded"; // UnauthorizedOperation with only an encoded authorization message

/** Where the text came from, as far as the parser can tell. */
export type SourceFormat =
  | "iam-message"
  | "aws-cli"
  | "sdk-python"
  | "sdk-js"
  | "sdk-java"
  | "sdk-go"
  | "terraform"
  | "cloudformation"
  | "s3-xml"
  | "lambda-console"
  | "api-gateway-log"
  | "cloudtrail";

/** One denial found in the input, with every fact the text gave away (null when hidden). */
export interface DenialRecord {
  kind: DenialKind;
  sourceFormat: SourceFormat;
  /** IAM service prefix, lower case ("s3", "kms"). */
  service: string | null;
  /** IAM action in its canonical spelling ("s3:ListBucket"). */
  action: string | null;
  /** API operation as the SDK named it ("ListObjectsV2"), when different from the action. */
  operation: string | null;
  principal: string | null;
  resource: string | null;
  statedPolicyType: PolicyType | null;
  /** The second policy type in "… transitively through a service control policy". */
  transitivePolicyType: PolicyType | null;
  statedReason: StatedReason;
  errorCode: string | null;
  region: string | null;
  account: string | null;
  partition: string;
  /** EC2's opaque "Encoded authorization failure message". */
  encodedMessage: string | null;
  /** Operation or target named by a Lambda configuration error ("CreateNetworkInterface on EC2"). */
  detail: string | null;
  /** The sentence the record was read from, trimmed to a readable length. */
  excerpt: string;
  /** When the record came from CloudTrail: event id and time. */
  event: { id: string; time: string; source: string; name: string } | null;
  /** How many identical denials the input held. */
  occurrences: number;
}

export type Layer =
  | "execution-role"
  | "resource-policy"
  | "kms-key-policy"
  | "trust-policy"
  | "scp"
  | "rcp"
  | "permissions-boundary"
  | "session-policy"
  | "vpc-endpoint-policy"
  | "unknown";

/** A command that tells one candidate layer from another. */
export interface Check {
  description: string;
  command: string;
}

export interface Candidate {
  layer: Layer;
  /** 0..1; candidates of one finding sum to at most 1. */
  confidence: number;
  why: string;
  checks: Check[];
}

export interface Classification {
  candidates: Candidate[];
  evidence: string[];
}

/** Who owns a layer: the team that must make the change. */
export type Owner = "you" | "resource-owner" | "key-admin" | "organization-admin" | "iam-admin" | "network-admin";

export interface Fix {
  layer: Layer;
  title: string;
  owner: Owner;
  /** The statement to add (or, for explicit denies, the allow you need once the deny is gone). */
  statement: Record<string, unknown> | null;
  /** Where the statement goes, in words: "inline policy on role my-fn-role". */
  target: string;
  cli: string;
  terraform: string;
  /** AWS SAM or plain CloudFormation YAML. */
  sam: string;
  consoleUrl: string | null;
  /** For guardrails owned by another team: the message to send them. */
  requestText: string | null;
  /** Values the message hid, shown as <Placeholders> in the snippets. */
  placeholders: string[];
  notes: string[];
}

/** A fix before its placeholders are listed: builders write snippets, `fixFor` finds the holes. */
export type FixDraft = Omit<Fix, "placeholders">;

export interface CandidateWithFix extends Candidate {
  fix: Fix;
}

/** The public, JSON-serialisable diagnosis of one denial. */
export interface Finding {
  id: string;
  layer: Layer;
  confidence: number;
  service: string | null;
  action: string | null;
  operation: string | null;
  principal: string | null;
  resource: string | null;
  region: string | null;
  account: string | null;
  statedPolicyType: PolicyType | null;
  statedReason: StatedReason;
  kind: DenialKind;
  sourceFormat: SourceFormat;
  errorCode: string | null;
  excerpt: string;
  occurrences: number;
  event: DenialRecord["event"];
  evidence: string[];
  candidates: CandidateWithFix[];
  fix: Fix;
}

/** An error that looks like AWS's but is not a permission problem. */
export interface NonDenial {
  code: string;
  explanation: string;
  excerpt: string;
}

export interface Diagnosis {
  findings: Finding[];
  nonDenials: NonDenial[];
}
