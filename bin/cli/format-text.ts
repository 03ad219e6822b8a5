import type { Finding } from "../../lib/model";
import { LAYER_INFO } from "../../lib/classify/layers";
import type { TextDiagnosis } from "../../lib/diagnose";
import { LOOKED_FOR } from "../../lib/parse";

function percent(confidence: number): string {
  return `${Math.round(confidence * 100)}%`;
}

function formatFinding(finding: Finding, index: number): string {
  const top = finding.candidates[0]!;
  const lines = [
    `#${index + 1} ${LAYER_INFO[finding.layer].label} (${percent(finding.confidence)})${finding.occurrences > 1 ? ` ×${finding.occurrences}` : ""}`,
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
  const others = finding.candidates.slice(1);
  if (others.length > 0) {
    lines.push("", "   Could also be:");
    for (const candidate of others)
      lines.push(`     ${LAYER_INFO[candidate.layer].label} (${percent(candidate.confidence)}): ${candidate.why}`);
  }
  return lines.join("\n");
}

/** A diagnosis as readable terminal text. */
export function formatDiagnosis(diagnosis: TextDiagnosis): string {
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
  const header = `${diagnosis.findings.length} denial${diagnosis.findings.length === 1 ? "" : "s"} found${diagnosis.truncated ? " (input truncated: only the first 500 are shown)" : ""}.`;
  const others =
    notDenials.length > 0 ? [["Also in the text, not permission problems:", ...notDenials].join("\n")] : [];
  return [header, ...diagnosis.findings.map(formatFinding), ...others].join("\n\n");
}
