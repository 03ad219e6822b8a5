import type { ActionCatalog, ActionKey } from "../../iam";
import { actionKeys, diagnoseParsed } from "../../diagnose";
import type { DenialRecord, Diagnosis, Finding } from "../../model";

/**
 * The diagnosis with each finding AWS proved replaced, in its place, by the findings of AWS's own authorization
 * details ("Proven by AWS", above any inference); findings of ids it did not prove stay as they were. Ids are
 * numbered afresh.
 */
export async function withProvenFindings(
  diagnosis: Diagnosis,
  proven: ReadonlyMap<string, DenialRecord[]>,
  loadCatalog: (keys: ActionKey[]) => Promise<ActionCatalog>,
): Promise<Diagnosis> {
  if (proven.size === 0) return diagnosis;
  const records = [...proven.values()].flat();
  const catalog = await loadCatalog(actionKeys(records));
  const provenFindings = new Map(
    [...proven].map(([id, denials]) => [
      id,
      diagnoseParsed({ records: denials, nonDenials: [], truncated: false }, catalog).findings,
    ]),
  );
  const shown = new Set<string>();
  const findings = diagnosis.findings.flatMap((finding): Finding[] => {
    const id = finding.authorizationId;
    const replacement = id ? provenFindings.get(id) : undefined;
    if (!id || !replacement) return [finding];
    if (shown.has(id)) return [];
    shown.add(id);
    return replacement;
  });
  return { ...diagnosis, findings: findings.map((finding, index) => ({ ...finding, id: `finding-${index + 1}` })) };
}
