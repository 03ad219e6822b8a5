import type { CandidateWithFix, DenialRecord, Diagnosis, Finding } from "../model";
import type { ActionCatalog, ActionKey } from "../iam/catalog";
import { classify } from "../classify";
import { fixBuilder } from "../fix";
import { splitAction } from "../iam/operations";
import { subjectOf } from "../iam/subject";
import { parseDenials, type ParseResult } from "../parse";
import { ok, type Result } from "../result";
import { checkInput, type InputErrorCode } from "./input";

export { checkInput, utf8Length, type InputErrorCode } from "./input";

/** The actions a set of records needs looked up in the IAM catalog. */
export function actionKeys(records: DenialRecord[]): ActionKey[] {
  return records.flatMap((record) => {
    const [service, action] = (record.action ?? "").split(":");
    return service && action ? [{ service, action }] : [];
  });
}

/** Spells the action as the IAM reference does (`sqs:sendmessage` → `sqs:SendMessage`). */
function canonicalAction(record: DenialRecord, catalog: ActionCatalog): DenialRecord {
  const [service, action] = splitAction(record.action ?? "");
  const info = service && action ? catalog.action(service, action) : null;
  return info ? { ...record, action: `${service}:${info.name}` } : record;
}

/** Classifies one denial and builds the fix for each candidate layer. */
export function diagnoseRecord(record: DenialRecord, catalog: ActionCatalog, id: string): Finding {
  const resolved = canonicalAction(record, catalog);
  const subject = subjectOf(resolved);
  const { candidates, evidence } = classify(resolved, subject);
  const fixOf = fixBuilder(resolved, catalog, subject);
  const withFixes: CandidateWithFix[] = candidates.map((candidate) => ({
    layer: candidate.layer,
    confidence: candidate.confidence,
    why: candidate.why,
    checks: candidate.checks,
    fix: fixOf(candidate.layer),
  }));
  const top = withFixes[0]!;
  if (top.fix.placeholders.length > 0) {
    evidence.push(`The message hides ${top.fix.placeholders.join(", ")}: replace those <placeholders> in the fix.`);
  }
  return {
    id,
    layer: top.layer,
    confidence: top.confidence,
    service: resolved.service,
    action: resolved.action,
    operation: resolved.operation,
    principal: resolved.principal,
    resource: resolved.resource,
    region: resolved.region,
    account: resolved.account,
    statedPolicyType: resolved.statedPolicyType,
    statedReason: resolved.statedReason,
    kind: resolved.kind,
    sourceFormat: resolved.sourceFormat,
    errorCode: resolved.errorCode,
    excerpt: resolved.excerpt,
    occurrences: resolved.occurrences,
    event: resolved.event,
    evidence,
    candidates: withFixes,
    fix: top.fix,
  };
}

export type TextDiagnosis = Diagnosis & { truncated: boolean };

/** Classifies and fixes every parsed denial. The catalog must hold their actions. */
export function diagnoseParsed(parsed: ParseResult, catalog: ActionCatalog): TextDiagnosis {
  const findings = parsed.records.map((record, index) => diagnoseRecord(record, catalog, `finding-${index + 1}`));
  return { findings, nonDenials: parsed.nonDenials, truncated: parsed.truncated };
}

/** Pure pipeline: text → denials → ranked layers → fixes. The catalog must hold the text's actions. */
export function diagnoseText(text: string, catalog: ActionCatalog): Result<TextDiagnosis, InputErrorCode> {
  const input = checkInput(text);
  if (!input.ok) return input;
  return ok(diagnoseParsed(parseDenials(input.value), catalog));
}
