import type { CandidateWithFix, Diagnosis, Finding } from "../../lib/wire";
import { LAYER_INFO } from "../../lib/classify";
import { LOOKED_FOR, MAX_RECORDS } from "../../lib/parse";

/** One candidate's fix: its title, the statement and where it goes, the CLI and the notes. */
function formatFix({ fix }: CandidateWithFix, heading: string): string[] {
  const statements = fix.statement ? [fix.statement, ...fix.additionalStatements] : [];
  const statement =
    statements.length > 0
      ? JSON.stringify(statements.length === 1 ? statements[0] : statements, null, 2).split("\n")
      : [];
  return [
    `   ${heading}: ${fix.title}`,
    `   Where: ${fix.target}`,
    ...(statement.length > 0 ? ["   Statement:", ...statement.map((line) => `     ${line}`)] : []),
    "   CLI:",
    ...fix.cli.split("\n").map((line) => `     ${line}`),
    ...fix.notes.map((note) => `   note: ${note}`),
  ];
}

function formatFinding(finding: Finding, index: number, all: boolean): string {
  const [top, ...others] = finding.candidates;
  const seen = finding.occurrences > 1 ? ` ×${finding.occurrences}` : "";
  const lines = [
    `#${index + 1} ${LAYER_INFO[finding.layer].label} (${finding.certainty.label})${seen}`,
    `   ${top.why}`,
    `   action:    ${finding.action ?? "not stated"}`,
    `   principal: ${finding.principal ?? "not stated"} (${finding.caller.kind.replaceAll("-", " ")})`,
    `   resource:  ${finding.resource ?? "not stated"}`,
    "",
    ...formatFix(top, "Fix"),
    "",
    "   Confirm:",
    ...top.checks.map((check) => `     # ${check.description}\n     ${check.command}`),
  ];
  if (others.length > 0) {
    lines.push("", "   Could also be:");
    for (const candidate of others) {
      const label = `${LAYER_INFO[candidate.layer].label} (${candidate.certainty.label})`;
      if (all) lines.push("", `   ${label}: ${candidate.why}`, ...formatFix(candidate, "Fix"));
      else lines.push(`     ${label}: ${candidate.why}`);
    }
    if (!all) lines.push("   (--all prints each one's fix)");
  }
  return lines.join("\n");
}

/** A diagnosis as readable terminal text; `all` prints every candidate's fix, not only the top one's. */
export function formatDiagnosis(diagnosis: Diagnosis, options: { all: boolean } = { all: false }): string {
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
  return [
    header,
    ...diagnosis.findings.map((finding, index) => formatFinding(finding, index, options.all)),
    ...others,
  ].join("\n\n");
}
