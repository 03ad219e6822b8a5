import { z } from "zod";
import { authorityOutcomeSchema } from "./portal";

/**
 * The public shape of a diagnosis: what `POST /api/diagnose`, `whydenied diagnose --json` and the lookup and trail
 * streams send, and what the browser and the CLI parse. The engine's own types are inferred from these schemas.
 */

export const layerSchema = z.enum([
  "execution-role",
  "resource-policy",
  "kms-key-policy",
  "trust-policy",
  "scp",
  "rcp",
  "permissions-boundary",
  "session-policy",
  "vpc-endpoint-policy",
  // Causes outside every policy that the same words can hide: listed as candidates with their own checks, never a policy edit.
  "propagation-delay",
  "account-setting",
  "unknown",
]);

/** The policy type AWS itself names in the message ("no identity-based policy allows…"). */
export const policyTypeSchema = z.enum([
  "identity-based",
  "resource-based",
  "service-control",
  "resource-control",
  "permissions-boundary",
  "session",
  "vpc-endpoint",
  "role-trust",
  "s3-block-public-access",
]);

/** Whether AWS says nothing allowed the request, or a statement denied it. */
const statedReasonSchema = z.enum(["no-allow", "explicit-deny", "unstated"]);

/** Which family of message the denial came from; drives classification. */
export const denialKindSchema = z.enum([
  "iam-authorization",
  "generic-denied",
  "http-forbidden",
  "kms-opaque",
  "kinesis-kms",
  "lambda-env-kms",
  "lambda-stale-grant",
  "lambda-role-not-assumable",
  "lambda-role-missing-permission",
  "lambda-stream-access",
  "apigw-invalid-permissions",
  "execute-api-anonymous",
  "s3-notification-destination",
  "sqs-legacy",
  "ec2-encoded",
  "authorization-details",
  "bedrock-marketplace",
  "lake-formation",
  "athena-query",
]);

/** Where the text came from, as far as the parser can tell. */
export const sourceFormatSchema = z.enum([
  "iam-message",
  "aws-cli",
  "sdk-python",
  "sdk-js",
  "sdk-java",
  "sdk-go",
  "terraform",
  "cloudformation",
  "s3-xml",
  "lambda-console",
  "api-gateway-log",
  "cloudtrail",
]);

/** Who owns a layer: the team that must make the change. */
const ownerSchema = z.enum([
  "you",
  "sso-admin",
  "resource-owner",
  "key-admin",
  "organization-admin",
  "iam-admin",
  "network-admin",
]);

/** A command that tells one candidate layer from another. */
const checkSchema = z.object({ description: z.string(), command: z.string() });

export const fixSchema = z.object({
  layer: layerSchema,
  title: z.string(),
  owner: ownerSchema,
  /** The statement to add; null when no Allow can help (an explicit Deny to narrow) or none can be written yet. */
  statement: z.record(z.string(), z.unknown()).nullable(),
  /**
   * Statements the change needs beside `statement`, in the same policy: actions that support no resource-level
   * scope (kinesis:ListStreams), granted on "*" apart so the scoped actions stay scoped. Empty for most fixes.
   */
  additionalStatements: z.array(z.record(z.string(), z.unknown())).default([]),
  /** Where the statement goes, in words: "inline policy on role my-fn-role". */
  target: z.string(),
  cli: z.string(),
  terraform: z.string(),
  /** AWS SAM or plain CloudFormation YAML. */
  sam: z.string(),
  consoleUrl: z.string().nullable(),
  /** For guardrails owned by another team: the message to send them. */
  requestText: z.string().nullable(),
  notes: z.array(z.string()),
  /** Values the message hid, shown as <Placeholders> in the snippets. */
  placeholders: z.array(z.string()),
  /**
   * The AWS managed policy that is the conventional fix, to attach instead of the statement
   * (AWSLambdaVPCAccessExecutionRole for a function's network interfaces); null when none is.
   */
  managedPolicy: z.object({ name: z.string(), arn: z.string() }).nullable(),
});

/**
 * "proven": AWS's own authorization details (GetRequestAuthorizationDetails) show a statement of that layer's policy
 * denying the request; "stated": AWS's message named the layer; "inferred": the engine ranked it from the kind of denial.
 */
const certaintyBasisSchema = z.enum(["proven", "stated", "inferred"]);

/** How sure a candidate is, in words: "Proven by AWS", "Stated by AWS", "Likely · 70%" or "Best guess · 45%". */
const certaintySchema = z.object({ basis: certaintyBasisSchema, label: z.string() });

const candidateSchema = z.object({
  layer: layerSchema,
  /** 0..1; candidates of one finding sum to at most 1. */
  confidence: z.number(),
  why: z.string(),
  checks: z.array(checkSchema),
  fix: fixSchema,
  certainty: certaintySchema,
});

/** The CloudTrail event a denial was read from. */
export const denialEventSchema = z.object({ id: z.string(), time: z.string(), source: z.string(), name: z.string() });

/** What kind of principal made the call, read from its ARN. */
const callerKindSchema = z.enum([
  "lambda-function",
  "assumed-role",
  "sso-role",
  "iam-user",
  "root",
  "federated-user",
  "aws-service",
  "anonymous",
  "other-account",
  "unknown",
]);

/**
 * The caller in its own terms. `name` is the function (lambda-function), the permission set (sso-role), the role,
 * user, federated user or service principal; null when hidden. `account` is the caller's account when its ARN shows it.
 */
const callerSchema = z.object({
  kind: callerKindSchema,
  name: z.string().nullable(),
  account: z.string().nullable(),
});

/** The facts of the denial itself, as the message (or CloudTrail record) gave them; null when hidden. */
export const denialFieldsSchema = z.object({
  /** IAM service prefix, lower case ("s3", "kms"). */
  service: z.string().nullable(),
  /** IAM action in its canonical spelling ("s3:ListBucket"). */
  action: z.string().nullable(),
  /** API operation as the SDK named it ("ListObjectsV2"), when different from the action. */
  operation: z.string().nullable(),
  principal: z.string().nullable(),
  caller: callerSchema,
  resource: z.string().nullable(),
  region: z.string().nullable(),
  account: z.string().nullable(),
  statedPolicyType: policyTypeSchema.nullable(),
  /** The policy the stated one applied through ("…in a VPC endpoint policy transitively through a service control policy"). */
  transitivePolicyType: policyTypeSchema.nullable().default(null),
  statedReason: statedReasonSchema,
  /** The denying policy's ARN, when AWS's newer message names it ("…in a service control policy: arn:…"). */
  policyArn: z.string().nullable(),
  /** The IAM Access Troubleshooter's authorization id ("…GetRequestAuthorizationDetails … authorization id: <id>"). */
  authorizationId: z.string().nullable(),
  kind: denialKindSchema,
  sourceFormat: sourceFormatSchema,
  errorCode: z.string().nullable(),
  /** The sentence the denial was read from, trimmed to a readable length. */
  excerpt: z.string(),
  /** How many identical denials the input held. */
  occurrences: z.number().int(),
  /** Set when the denial was read from a CloudTrail record. */
  event: denialEventSchema.nullable(),
});

/** One diagnosed denial. `layer`, `confidence`, `fix` and `certainty` are the top candidate's. */
export const findingSchema = z.object({
  id: z.string(),
  layer: layerSchema,
  confidence: z.number(),
  ...denialFieldsSchema.shape,
  evidence: z.array(z.string()),
  /** Ranked, most likely first; never empty. */
  candidates: z.tuple([candidateSchema], candidateSchema),
  fix: fixSchema,
  certainty: certaintySchema,
});

/** An error that looks like AWS's but is not a permission problem. */
export const nonDenialSchema = z.object({ code: z.string(), explanation: z.string(), excerpt: z.string() });

/** The answer of `POST /api/diagnose` and `whydenied diagnose --json`. */
export const diagnosisSchema = z.object({
  findings: z.array(findingSchema),
  nonDenials: z.array(nonDenialSchema),
  /** True when the text held more distinct denials than the engine reads. */
  truncated: z.boolean(),
  /** Portal mode only: what AWS's own authorization details said for each authorization id the text carried. */
  authority: z.array(authorityOutcomeSchema).optional(),
});

export type Layer = z.infer<typeof layerSchema>;
export type PolicyType = z.infer<typeof policyTypeSchema>;
export type StatedReason = z.infer<typeof statedReasonSchema>;
export type SourceFormat = z.infer<typeof sourceFormatSchema>;
export type Owner = z.infer<typeof ownerSchema>;
export type Check = z.infer<typeof checkSchema>;
export type Fix = z.infer<typeof fixSchema>;
export type CertaintyBasis = z.infer<typeof certaintyBasisSchema>;
export type Certainty = z.infer<typeof certaintySchema>;
export type CandidateWithFix = z.infer<typeof candidateSchema>;
export type CallerKind = z.infer<typeof callerKindSchema>;
export type Caller = z.infer<typeof callerSchema>;
export type Finding = z.infer<typeof findingSchema>;
export type NonDenial = z.infer<typeof nonDenialSchema>;
export type Diagnosis = z.infer<typeof diagnosisSchema>;
