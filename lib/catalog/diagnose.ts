import { parseDenials } from "../parse";
import { ok, type Result } from "../result";
import type { Diagnosis } from "../model";
import { actionKeys, checkInput, diagnoseParsed, type InputErrorCode } from "../diagnose";
import { loadCatalog } from "./load-catalog";
import { withServiceOfOperation } from "./operation-owner";

/**
 * Diagnoses pasted text end to end, loading the IAM data the text needs first.
 * The one async step is the catalog load; everything after it is pure.
 */
export async function diagnose(text: string): Promise<Result<Diagnosis, InputErrorCode>> {
  const input = checkInput(text);
  if (!input.ok) return input;
  const read = parseDenials(input.value);
  const parsed = { ...read, records: await Promise.all(read.records.map(withServiceOfOperation)) };
  const catalog = await loadCatalog(actionKeys(parsed.records));
  return ok(diagnoseParsed(parsed, catalog));
}
