import type { ActionCatalog, ActionKey } from "../iam";
import type { DenialRecord, Diagnosis } from "../model";
import { parseDenials, type ParseResult } from "../parse";
import { ok, type Result } from "../result";
import { diagnoseRecord } from "./finding";
import { checkInput, type InputErrorCode } from "./input";

/** The actions a set of records needs looked up in the IAM catalog. */
export function actionKeys(records: DenialRecord[]): ActionKey[] {
  return records.flatMap((record) => {
    const [service, action] = (record.action ?? "").split(":");
    return service && action ? [{ service, action }] : [];
  });
}

/** Classifies and fixes every parsed denial. The catalog must hold their actions. */
export function diagnoseParsed(parsed: ParseResult, catalog: ActionCatalog): Diagnosis {
  const findings = parsed.records.map((record, index) => diagnoseRecord(record, catalog, `finding-${index + 1}`));
  return { findings, nonDenials: parsed.nonDenials, truncated: parsed.truncated };
}

/** Pure pipeline: text → denials → ranked layers → fixes. The catalog must hold the text's actions. */
export function diagnoseText(text: string, catalog: ActionCatalog): Result<Diagnosis, InputErrorCode> {
  const input = checkInput(text);
  if (!input.ok) return input;
  return ok(diagnoseParsed(parseDenials(input.value), catalog));
}
