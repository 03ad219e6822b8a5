import type { Diagnosis, Finding } from "../../lib/wire";
import { LAYER_INFO } from "../../lib/classify";
import { LOOKED_FOR, MAX_RECORDS } from "../../lib/parse";

function formatFinding(finding: Finding, index: number): string {
  const [top, ...others] = finding.candidates;
  const seen = finding.occurrences > 1 ? ` ×${finding.occurrences}` : "";
  const lines = [
    `#${index + 1} ${LAYER_INFO[finding.layer].label} (${finding.certainty.label})${seen}`,
    `   ${top.why}`,
    `   action:    ${finding.action ?? "not stated"}`,
    `   principal: ${finding.principal ?? "not stated"}`,
    `   resource:  ${finding.resource ?? "not stated"}`,
    "",
    `   Fix: ${finding.fix.title}`,
    ...finding.fix.cli.split("\n").map((line) => `     ${line}`),
    ...finding.fix.notes.map((note) => `   note: ${note}`),
    "",
    "   Confirm:",
    ...top.checks.map((check) => `     # ${check.description}\n     ${check.command}`),
  ];
  if (others.length > 0) {
    lines.push("", "   Could also be:");
    for (const candidate of others)
      lines.push(`     ${LAYER_INFO[candidate.layer].label} (${candidate.certainty.label}): ${candidate.why}`);
  }
  return lines.join("\n");
}

/** A diagnosis as readable terminal text. */
export function formatDiagnosis(diagnosis: Diagnosis): string {
  const notDenials = diagnosis.nonDenials.map((error) => `  ${error.code}: ${error.explanation}`);
  if (diagnosis.findings.length === 0) {
    return [
      "No AccessDenied found.",
      ...(notDenials.length > 0 ? ["", "Not a permission problem:", ...notDenials] : []),
      "",
      "Looked for:",
      ...LOOKED_FOR.map((item) => `  - ${item}`),
    ].join("\n");
  }
  const count = diagnosis.findings.length;
  const truncated = diagnosis.truncated ? ` (input truncated: only the first ${MAX_RECORDS} are shown)` : "";
  const header = `${count} denial${count === 1 ? "" : "s"} found${truncated}.`;
  const others =
    notDenials.length > 0 ? [["Also in the text, not permission problems:", ...notDenials].join("\n")] : [];
  return [header, ...diagnosis.findings.map(formatFinding), ...others].join("\n\n");
}
