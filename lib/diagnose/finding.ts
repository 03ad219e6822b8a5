import type { ActionCatalog } from "../iam";
import { classify } from "../classify";
import { fixBuilder } from "../fix";
import { splitAction } from "../iam";
import { callerOf, subjectOf } from "../iam";
import type { Caller, CandidateWithFix, DenialFields, DenialRecord, Finding } from "../model";
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

/** The facts of a denial record that a finding shows, in the wire's field order. */
export function denialFieldsOf(record: DenialRecord, caller: Caller = callerOf(record)): DenialFields {
  return {
    service: record.service,
    action: record.action,
    operation: record.operation,
    principal: record.principal,
    caller,
    resource: record.resource,
    region: record.region,
    account: record.account,
    statedPolicyType: record.statedPolicyType,
    transitivePolicyType: record.transitivePolicyType,
    statedReason: record.statedReason,
    policyArn: record.policyArn,
    authorizationId: record.authorizationId,
    kind: record.kind,
    sourceFormat: record.sourceFormat,
    errorCode: record.errorCode,
    excerpt: record.excerpt,
    occurrences: record.occurrences,
    event: record.sourceFormat === "cloudtrail" ? record.event : null,
  };
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
  return {
    id,
    layer: top.layer,
    confidence: top.confidence,
    ...denialFieldsOf(resolved, subject.caller),
    evidence,
    candidates: withFixes,
    fix: top.fix,
    certainty: top.certainty,
  };
}
