import { parseDenials } from "../parse";
import { ok, type Result } from "../result";
import type { Diagnosis } from "../model";
import { actionKeys, checkInput, diagnoseParsed, type InputErrorCode } from "../diagnose";
import { loadCatalog } from "./load-catalog";

/**
 * Diagnoses pasted text end to end, loading the IAM data the text needs first.
 * The one async step is the catalog load; everything after it is pure.
 */
export async function diagnose(text: string): Promise<Result<Diagnosis, InputErrorCode>> {
  const input = checkInput(text);
  if (!input.ok) return input;
  const parsed = parseDenials(input.value);
  const catalog = await loadCatalog(actionKeys(parsed.records));
  return ok(diagnoseParsed(parsed, catalog));
}
