import type { Candidate, Classification, DenialRecord } from "../model";
import { mapNonEmpty } from "../non-empty";
import { subjectOf, type Subject } from "../iam";
import { checksFor } from "./checks";
import { evidenceFor } from "./evidence";
import { rankLayers } from "./rank";

export { doorLabel, doorOf, type Door } from "./door";
export { LAYER_INFO, layerOfPolicyType } from "./layers";
export { outsideSettingOf, type OutsideSetting } from "./settings";

/**
 * Ranks the permission layers that could have denied a request, each with why and the commands
 * that confirm it. The policy AWS's authorization details prove denying wins, then AWS's own stated policy type; otherwise the ranking says how sure it is.
 */
export function classify(record: DenialRecord, subject: Subject = subjectOf(record)): Classification {
  // Literals rather than spreads: this runs for every candidate of every record.
  const candidates = mapNonEmpty(rankLayers(record, subject.caller), (ranked): Candidate => ({
    layer: ranked.layer,
    confidence: ranked.confidence,
    why: ranked.why,
    checks: checksFor(ranked.layer, record, subject),
    basis: ranked.proven ? "proven" : ranked.stated ? "stated" : "inferred",
  }));
  return { candidates, evidence: evidenceFor(record, subject) };
}
