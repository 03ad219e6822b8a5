import { z } from "zod";
import {
  denialEventSchema,
  denialFieldsSchema,
  denialKindSchema,
  policyTypeSchema,
  sourceFormatSchema,
  type CandidateWithFix,
  type CertaintyBasis,
  type Fix,
  type SourceFormat,
} from "./wire";
import type { NonEmpty } from "./non-empty";

/**
 * The engine's shared vocabulary. Data flows one way: parse → DenialRecord, classify → Classification,
 * fix → Fix, and diagnose assembles a Finding. The public types are the wire schema's (`lib/wire`);
 * only the denial record, which never leaves the engine, is declared here.
 */
export type {
  Caller,
  CandidateWithFix,
  Certainty,
  CertaintyBasis,
  Check,
  Diagnosis,
  Finding,
  Fix,
  Layer,
  NonDenial,
  Owner,
  PolicyType,
  StatedReason,
} from "./wire";

/** Kinds whose message can carry EC2's "Encoded authorization failure message". */
const ENCODED_MESSAGE_KINDS = ["iam-authorization", "ec2-encoded"] as const;
/** Lambda configuration errors that name the operation or stream they needed (`detail`). */
const LAMBDA_CONFIGURATION_KINDS = ["lambda-role-missing-permission", "lambda-stream-access"] as const;
const PLAIN_KINDS = denialKindSchema.exclude([
  ...ENCODED_MESSAGE_KINDS,
  ...LAMBDA_CONFIGURATION_KINDS,
  "lake-formation",
  "authorization-details",
]);

/** What AWS's authorization details (GetRequestAuthorizationDetails) prove about one denied evaluation. */
const authorizationProofSchema = z.object({
  evaluatedEffect: z.enum(["EXPLICIT_DENY", "IMPLICIT_DENY"]),
  /** The denying policy's uri: a managed policy's ARN, or an opaque id for an inline policy; null for an implicit deny. */
  policyUri: z.string().nullable(),
  policyType: policyTypeSchema.nullable(),
  inline: z.boolean().nullable(),
  /** The Sid of the statement that evaluated to DENY (AWS generates one when the statement has none). */
  statementSid: z.string().nullable(),
  /** How many policies AWS lists as evaluated for the request. */
  policiesEvaluated: z.number().int(),
});

/** The facts of a denial that only some kinds of message carry, tagged by kind. */
const kindFactsSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.enum(ENCODED_MESSAGE_KINDS),
    /** EC2's opaque "Encoded authorization failure message", when the text held one. */
    encodedMessage: z.string().nullable(),
  }),
  z.object({
    kind: z.enum(LAMBDA_CONFIGURATION_KINDS),
    /** What the Lambda configuration error named: "CreateNetworkInterface on EC2", or the stream actions. */
    detail: z.string(),
  }),
  z.object({
    kind: z.literal("lake-formation"),
    /** The Lake Formation permission "Required Create Table on …" names, as the API spells it: `CREATE_TABLE`. */
    requiredPermission: z.string().nullable(),
    /** The Glue database the message names: "(Database name: sales)", or what a database permission is required on. */
    databaseName: z.string().nullable(),
  }),
  z.object({ kind: z.literal("authorization-details"), proof: authorizationProofSchema }),
  z.object({ kind: PLAIN_KINDS }),
]);

/** Where a denial was read: a CloudTrail record carries its event, pasted text has none. */
const originSchema = z.discriminatedUnion("sourceFormat", [
  z.object({ sourceFormat: z.literal("cloudtrail"), event: denialEventSchema }),
  z.object({ sourceFormat: sourceFormatSchema.exclude(["cloudtrail"]) }),
]);

/** The facts every denial has, whatever its kind and origin. */
const commonFactsSchema = denialFieldsSchema
  .omit({ kind: true, sourceFormat: true, event: true, caller: true })
  .extend({
    /** The second policy type in "… transitively through a service control policy". */
    transitivePolicyType: policyTypeSchema.nullable(),
    partition: z.string(),
    /**
     * IAM ARN template variable → value, from a CloudTrail record's requestParameters (`InstanceId` from
     * `instanceId`): what the call named beyond its resource ARN. Null when the input gave none.
     */
    requestValues: z.record(z.string(), z.string()).nullable(),
  });

/**
 * One denial found in the input, with every fact the text gave away (null when hidden). A tagged union:
 * the encoded EC2 message, the Lambda configuration detail and the CloudTrail event exist only on the
 * kinds and origins that have them.
 */
export const denialRecordSchema = z.intersection(commonFactsSchema, z.intersection(kindFactsSchema, originSchema));

/** The kind-specific facts a message's text can carry (authorization details are JSON, never a message). */
export type DenialKindFacts = Exclude<z.infer<typeof kindFactsSchema>, { kind: "authorization-details" }>;
export type AuthorizationProof = z.infer<typeof authorizationProofSchema>;
export type DenialRecord = z.infer<typeof denialRecordSchema>;
/** A source format of pasted text (everything but CloudTrail JSON). */
export type TextFormat = Exclude<SourceFormat, "cloudtrail">;

/** EC2's encoded authorization message, when the denial carries one. */
export function encodedMessageOf(record: DenialRecord): string | null {
  return "encodedMessage" in record ? record.encodedMessage : null;
}

/** A Bedrock denial whose cure is the account's access to the model (an agreement), whatever the caller's policy says. */
export function isModelAccessDenial(record: DenialRecord): boolean {
  return record.service === "bedrock" || record.kind === "bedrock-marketplace";
}

/** AWS's authorization details of the denial, when it was read from GetRequestAuthorizationDetails output. */
export function proofOf(record: DenialRecord): AuthorizationProof | null {
  return "proof" in record ? record.proof : null;
}

/** A candidate layer as classify ranks it, before its fix is built. */
export interface Candidate extends Omit<CandidateWithFix, "fix" | "certainty"> {
  /** "proven" for the layer AWS's authorization details show denying, "stated" for the one its message named. */
  basis: CertaintyBasis;
}

export interface Classification {
  /** Ranked, most likely first. */
  candidates: NonEmpty<Candidate>;
  evidence: string[];
}

/** A fix before its placeholders and managed policy are added: builders write snippets, `fixFor` completes them. */
export type FixDraft = Omit<Fix, "placeholders" | "managedPolicy">;
