import type { DenialRecord } from "../model";
import type { NonEmpty } from "../non-empty";
import type { Ranked } from "./rank";
import { outsideSettingRank } from "./settings";

/** Deployment tools create a role or policy and use it moments later, the classic propagation race. */
const DEPLOYMENT_FORMATS = new Set<string>(["cloudformation", "terraform"]);

function propagationWhy(record: DenialRecord): string | null {
  if (DEPLOYMENT_FORMATS.has(record.sourceFormat))
    return "A stack that creates the role or policy and uses it at once can hit IAM before the change has spread: a retry succeeds.";
  if (record.action?.toLowerCase() === "sts:assumerole" && record.statedReason !== "explicit-deny")
    return "A role created, or its trust policy changed, seconds ago refuses AssumeRole until IAM has spread the change: a retry a few seconds later succeeds.";
  if (record.statedPolicyType === "identity-based" && record.statedReason === "no-allow")
    return "If the role or its policy was created or changed in the last minute, IAM may not have applied it everywhere yet.";
  if (record.kind === "generic-denied" && !record.principal && !record.resource)
    return "A bare denial right after a role or policy change is often IAM still applying it: retry before editing anything.";
  return null;
}

function accountSetting(record: DenialRecord): Ranked | null {
  const setting = outsideSettingRank(record);
  return setting && { layer: "account-setting", ...setting };
}

/**
 * A HEAD request's 403 carries no body, so what refused it stays unsaid: a clock more than 15 minutes off or bad
 * credentials give the same bare 403, and a missing key answers 403 rather than 404 when ListBucket is not allowed.
 */
const BODYLESS_HEAD: Ranked = {
  layer: "unknown",
  confidence: 0.15,
  why:
    "A HEAD 403 has no error body, so S3 names no cause: a request signed with a clock more than 15 minutes off " +
    "(RequestTimeTooSkewed) or with the wrong credentials fails the same way, and a key that does not exist answers " +
    "403 instead of 404 when the caller may not s3:ListBucket. Check the clock and aws sts get-caller-identity first.",
};

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
 * Adds the causes outside every policy that the same words can hide (IAM eventual consistency, a setting or grant
 * outside IAM such as S3 Block Public Access or an API's authorizer, a body-less HEAD's unsaid cause) in their place
 * by confidence, each with its own check: what AWS states still leads, proof leaves no room.
 */
export function withCausesOutsidePolicies(record: DenialRecord, ranked: NonEmpty<Ranked>): NonEmpty<Ranked> {
  if (ranked.some((candidate) => candidate.proven || candidate.layer === "propagation-delay")) return ranked;
  let result = ranked;
  const setting = accountSetting(record);
  if (setting && !ranked.some((candidate) => candidate.layer === "account-setting")) result = appended(result, setting);
  if (record.kind === "http-forbidden" && !ranked.some((candidate) => candidate.layer === "unknown"))
    result = appended(result, BODYLESS_HEAD);
  const propagation = propagationWhy(record);
  if (propagation) result = appended(result, { layer: "propagation-delay", confidence: 0.05, why: propagation });
  return result;
}
