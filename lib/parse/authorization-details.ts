import { z } from "zod";
import type { AuthorizationProof, DenialRecord, PolicyType } from "../model";
import { emptyRecord, withLocation } from "./text-records";

/**
 * The JSON that `aws iam-toolbox get-request-authorization-details --output json` prints (IAM Toolbox API,
 * GetRequestAuthorizationDetails). Effects and policy types are read as strings so a value AWS adds later
 * leaves the rest of the document readable.
 */
const matchedStatementSchema = z.object({ sid: z.string().optional(), evaluatedEffect: z.string().optional() });
const matchedPolicySchema = z.object({
  uri: z.string(),
  matchedStatements: z.array(matchedStatementSchema).optional(),
});
const evaluationSchema = z.object({
  action: z.string(),
  resource: z.string(),
  context: z.record(z.string(), z.unknown()).optional(),
  evaluatedEffect: z.string().optional(),
  matchedPolicies: z.array(matchedPolicySchema).optional(),
});
const policyInfoSchema = z.object({
  uri: z.string(),
  type: z.string().optional(),
  inline: z.boolean().optional(),
});
const authorizationDetailsSchema = z.object({
  requestContext: z.record(z.string(), z.unknown()).optional(),
  evaluations: z.array(evaluationSchema),
  policies: z.array(policyInfoSchema).optional(),
  nextToken: z.string().optional(),
});

type AuthorizationDetails = z.infer<typeof authorizationDetailsSchema>;
type Evaluation = z.infer<typeof evaluationSchema>;
type PolicyInfo = z.infer<typeof policyInfoSchema>;

/** PolicyInfo.type as the API spells it, in the engine's policy-type vocabulary. */
const POLICY_TYPE_OF_API_TYPE = new Map<string, PolicyType>([
  ["IDENTITY_BASED_POLICY", "identity-based"],
  ["RESOURCE_BASED_POLICY", "resource-based"],
  ["PERMISSIONS_BOUNDARY", "permissions-boundary"],
  ["SESSION_POLICY", "session"],
  ["SERVICE_CONTROL_POLICY", "service-control"],
  ["RESOURCE_CONTROL_POLICY", "resource-control"],
  ["VPC_ENDPOINT_POLICY", "vpc-endpoint"],
]);

/**
 * Reads pasted GetRequestAuthorizationDetails output: one denial record per evaluation AWS reports as
 * EXPLICIT_DENY or IMPLICIT_DENY, carrying the denying policy and statement as AWS's proof. Returns null
 * when the text is not such a document, so the caller reads it another way.
 */
export function readAuthorizationDetails(text: string): DenialRecord[] | null {
  const trimmed = text.trim();
  if (!trimmed.startsWith("{") || !trimmed.includes('"evaluations"')) return null;
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch {
    return null;
  }
  return authorizationDetailsRecords(json);
}

/**
 * The denial records of a GetRequestAuthorizationDetails answer already read as JSON (pasted, or fetched by the
 * server with lib/toolbox), or null when it is not such a document.
 */
export function authorizationDetailsRecords(json: unknown): DenialRecord[] | null {
  const parsed = authorizationDetailsSchema.safeParse(json);
  if (!parsed.success) return null;
  const details = parsed.data;
  const records: DenialRecord[] = [];
  for (const evaluation of details.evaluations) {
    const record = recordOf(evaluation, details);
    if (record) records.push(record);
  }
  return records;
}

function recordOf(evaluation: Evaluation, details: AuthorizationDetails): DenialRecord | null {
  const effect = evaluation.evaluatedEffect;
  if (effect !== "EXPLICIT_DENY" && effect !== "IMPLICIT_DENY") return null;
  const proof = proofFor(effect, evaluation, details.policies ?? []);
  const context = { ...details.requestContext, ...evaluation.context };
  const action = evaluation.action;
  return withLocation<DenialRecord>({
    ...emptyRecord({ kind: "generic-denied" }, "aws-cli", excerptOf(evaluation, proof), 0),
    kind: "authorization-details",
    proof,
    action,
    service: action.includes(":") ? action.slice(0, action.indexOf(":")).toLowerCase() : null,
    resource: evaluation.resource || null,
    principal: stringKey(context, "aws:PrincipalArn"),
    region: stringKey(context, "aws:RequestedRegion"),
    statedPolicyType: proof.policyType,
    statedReason: effect === "EXPLICIT_DENY" ? "explicit-deny" : "no-allow",
  });
}

/** An explicit deny names its policy: the matched one with a DENY statement (AWS lists no policy for an implicit deny). */
function proofFor(
  effect: AuthorizationProof["evaluatedEffect"],
  evaluation: Evaluation,
  policies: PolicyInfo[],
): AuthorizationProof {
  const matched = evaluation.matchedPolicies ?? [];
  const denying =
    effect === "EXPLICIT_DENY"
      ? (matched.find((policy) =>
          policy.matchedStatements?.some((statement) => statement.evaluatedEffect === "DENY"),
        ) ?? matched[0])
      : undefined;
  const info = denying ? policies.find((policy) => policy.uri === denying.uri) : undefined;
  const statement = denying?.matchedStatements?.find((candidate) => candidate.evaluatedEffect === "DENY");
  return {
    evaluatedEffect: effect,
    policyUri: denying?.uri ?? null,
    policyType:
      (info?.type ? POLICY_TYPE_OF_API_TYPE.get(info.type) : undefined) ?? organizationsPolicyType(denying?.uri),
    inline: info?.inline ?? null,
    statementSid: statement?.sid ?? null,
    policiesEvaluated: policies.length,
  };
}

/** An SCP's or RCP's ARN says its type, for a document whose policies list leaves the uri out. */
function organizationsPolicyType(uri: string | undefined): PolicyType | null {
  if (uri?.includes("/service_control_policy/")) return "service-control";
  if (uri?.includes("/resource_control_policy/")) return "resource-control";
  return null;
}

function excerptOf(evaluation: Evaluation, proof: AuthorizationProof): string {
  const target = `${evaluation.action} on ${evaluation.resource || "(no resource)"}: ${proof.evaluatedEffect}`;
  if (!proof.policyUri) return target;
  return `${target} by ${proof.statementSid ? `statement "${proof.statementSid}" of ` : ""}${proof.policyUri}`;
}

function stringKey(context: Record<string, unknown>, key: string): string | null {
  const value = context[key];
  return typeof value === "string" ? value : null;
}
