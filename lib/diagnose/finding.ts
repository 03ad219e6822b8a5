import type { ActionCatalog } from "../iam";
import { classify } from "../classify";
import { fixBuilder } from "../fix";
import { splitAction } from "../iam";
import { subjectOf } from "../iam";
import type { CandidateWithFix, DenialRecord, Finding } from "../model";
import { mapNonEmpty } from "../non-empty";
import { certaintyOf } from "./certainty";

/** Spells the action as the IAM reference does (`sqs:sendmessage` → `sqs:SendMessage`). */
function canonicalAction(record: DenialRecord, catalog: ActionCatalog): DenialRecord {
  const [service, action] = splitAction(record.action ?? "");
  const info = service && action ? catalog.action(service, action) : null;
  if (!info) return record;
  const canonical = `${service}:${info.name}`;
  // Most messages already spell it so: a copy would only differ in being a copy.
  return canonical === record.action ? record : { ...record, action: canonical };
}

/** Classifies one denial and builds the fix for each candidate layer. */
export function diagnoseRecord(record: DenialRecord, catalog: ActionCatalog, id: string): Finding {
  const resolved = canonicalAction(record, catalog);
  const subject = subjectOf(resolved);
  const { candidates, evidence } = classify(resolved, subject);
  const fixOf = fixBuilder(resolved, catalog, subject);
  const withFixes = mapNonEmpty(candidates, (candidate): CandidateWithFix => ({
    layer: candidate.layer,
    confidence: candidate.confidence,
    why: candidate.why,
    checks: candidate.checks,
    fix: fixOf(candidate.layer),
    certainty: certaintyOf(candidate.basis, candidate.confidence),
  }));
  const [top] = withFixes;
  if (top.fix.placeholders.length > 0) {
    evidence.push(`The message hides ${top.fix.placeholders.join(", ")}: replace those <placeholders> in the fix.`);
  }
  // One literal in the wire's field order, the denial's facts written out rather than spread in from a copy.
  return {
    id,
    layer: top.layer,
    confidence: top.confidence,
    service: resolved.service,
    action: resolved.action,
    operation: resolved.operation,
    principal: resolved.principal,
    caller: subject.caller,
    resource: resolved.resource,
    region: resolved.region,
    account: resolved.account,
    statedPolicyType: resolved.statedPolicyType,
    transitivePolicyType: resolved.transitivePolicyType,
    statedReason: resolved.statedReason,
    policyArn: resolved.policyArn,
    authorizationId: resolved.authorizationId,
    kind: resolved.kind,
    sourceFormat: resolved.sourceFormat,
    errorCode: resolved.errorCode,
    excerpt: resolved.excerpt,
    occurrences: resolved.occurrences,
    event: resolved.sourceFormat === "cloudtrail" ? resolved.event : null,
    evidence,
    candidates: withFixes,
    fix: top.fix,
    certainty: top.certainty,
  };
}
