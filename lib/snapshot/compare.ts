import { LAYER_INFO } from "../classify";
import type { Finding } from "../wire";

/** How one saved finding reads under the current engine. */
interface FindingChange {
  /** Its place in the saved list, from 0. */
  index: number;
  /** What the finding is about: its action and resource. */
  subject: string;
  /** What differs, one sentence each; empty for an unchanged finding. */
  changes: string[];
}

/** The saved diagnosis against the current engine's, finding by finding. */
export interface DiagnosisComparison {
  changed: FindingChange[];
  unchanged: number;
  /** Findings only the current engine gives, and saved ones it no longer gives. */
  added: number;
  removed: number;
}

const layerName = (finding: Finding) => LAYER_INFO[finding.layer].label;
const candidateLayers = (finding: Finding) => finding.candidates.map((candidate) => candidate.layer).join(", ");

/** What differs between a finding as saved and as the current engine gives it, in words. */
function changesBetween(saved: Finding, current: Finding): string[] {
  const changes: string[] = [];
  if (saved.layer !== current.layer) changes.push(`Layer: ${layerName(saved)} → ${layerName(current)}`);
  if (saved.certainty.label !== current.certainty.label)
    changes.push(`Certainty: ${saved.certainty.label} → ${current.certainty.label}`);
  if (candidateLayers(saved) !== candidateLayers(current))
    changes.push(`Candidates: ${candidateLayers(saved)} → ${candidateLayers(current)}`);
  if (saved.fix.target !== current.fix.target)
    changes.push(`Where the fix goes: ${saved.fix.target} → ${current.fix.target}`);
  if (JSON.stringify(saved.fix.statement) !== JSON.stringify(current.fix.statement))
    changes.push("The policy statement to add changed");
  if (saved.fix.cli !== current.fix.cli) changes.push("The CLI command changed");
  return changes;
}

/**
 * Compares saved findings with the current engine's for the same input, pair by pair in order (the engine reads a
 * text's denials in order, and a run's groups are re-diagnosed one by one). A null stands for "no finding".
 */
export function compareFindings(
  saved: readonly (Finding | null)[],
  current: readonly (Finding | null)[],
): DiagnosisComparison {
  const comparison: DiagnosisComparison = { changed: [], unchanged: 0, added: 0, removed: 0 };
  for (let index = 0; index < Math.max(saved.length, current.length); index++) {
    const before = saved[index] ?? null;
    const after = current[index] ?? null;
    if (before === null && after === null) comparison.unchanged++;
    else if (before === null) comparison.added++;
    else if (after === null) comparison.removed++;
    else {
      const changes = changesBetween(before, after);
      if (changes.length === 0) comparison.unchanged++;
      else
        comparison.changed.push({
          index,
          subject: `${before.action ?? "unknown action"} on ${before.resource ?? "an unstated resource"}`,
          changes,
        });
    }
  }
  return comparison;
}
