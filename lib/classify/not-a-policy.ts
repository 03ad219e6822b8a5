import type { DenialRecord } from "../model";
import type { NonEmpty } from "../non-empty";
import type { Ranked } from "./rank";

/** S3 calls that Block Public Access refuses when what they write would make the bucket or object public. */
const PUBLIC_ACCESS_CALLS = new Set([
  "s3:PutBucketPolicy",
  "s3:PutBucketAcl",
  "s3:PutObjectAcl",
  "s3:PutAccessPointPolicy",
]);

/** Deployment tools create a role or policy and use it moments later, the classic propagation race. */
const DEPLOYMENT_FORMATS = new Set<string>(["cloudformation", "terraform"]);

function propagationWhy(record: DenialRecord): string | null {
  if (DEPLOYMENT_FORMATS.has(record.sourceFormat))
    return "A stack that creates the role or policy and uses it at once can hit IAM before the change has spread: a retry succeeds.";
  if (record.statedPolicyType === "identity-based" && record.statedReason === "no-allow")
    return "If the role or its policy was created or changed in the last minute, IAM may not have applied it everywhere yet.";
  if (record.kind === "generic-denied" && !record.principal && !record.resource)
    return "A bare denial right after a role or policy change is often IAM still applying it: retry before editing anything.";
  return null;
}

/** Bedrock's answer when the account, not a policy, lacks access: IAM denials from Bedrock use IAM's own sentence. */
const BEDROCK_ACCOUNT_REFUSAL = "Your account is not authorized to invoke this API operation";

function accountSetting(record: DenialRecord): Ranked | null {
  if (record.statedPolicyType === null && record.action && PUBLIC_ACCESS_CALLS.has(record.action))
    return {
      layer: "account-setting",
      confidence: 0.2,
      why: "S3 Block Public Access (on by default) refuses a policy or ACL that would make the bucket public, with this same AccessDenied.",
    };
  if (record.excerpt.includes(BEDROCK_ACCOUNT_REFUSAL))
    return {
      layer: "account-setting",
      confidence: 0.75,
      why:
        "Bedrock says this when the account has no access to the model in this Region: model access is granted per " +
        "Region (Bedrock console, Model access), and some models are offered in a few Regions only.",
    };
  return null;
}

/** Adds `extra` to a ranking in its place by confidence, scaling the others so the confidences sum as they did. */
function appended(ranked: NonEmpty<Ranked>, extra: Ranked): NonEmpty<Ranked> {
  const keep = 1 - extra.confidence;
  const result: Ranked[] = [];
  let placed = false;
  for (const item of ranked) {
    const scaled = { ...item, confidence: item.confidence * keep };
    if (!placed && scaled.confidence < extra.confidence) {
      result.push(extra);
      placed = true;
    }
    result.push(scaled);
  }
  if (!placed) result.push(extra);
  // One pass, no slices or spreads; it holds every scaled item and `extra`, so it is never empty.
  return result as NonEmpty<Ranked>;
}

/**
 * Adds the causes outside every policy that the same words can hide (IAM eventual consistency, S3 Block Public
 * Access) as the last candidates, each with its own check: what AWS states still leads, proof leaves no room.
 */
export function withCausesOutsidePolicies(record: DenialRecord, ranked: NonEmpty<Ranked>): NonEmpty<Ranked> {
  if (ranked.some((candidate) => candidate.proven || candidate.layer === "propagation-delay")) return ranked;
  let result = ranked;
  const setting = accountSetting(record);
  if (setting && !ranked.some((candidate) => candidate.layer === "account-setting")) result = appended(result, setting);
  const propagation = propagationWhy(record);
  if (propagation) result = appended(result, { layer: "propagation-delay", confidence: 0.05, why: propagation });
  return result;
}
