/**
 * `npm run eval`: scores the engine on the real-message corpus in eval/cases (one case a line) and the messy
 * variants made from it, through the CLI's batch mode, and audits every fix against IAM's own data.
 * Exits 1 when a target is missed.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { auditFinding, type FixProblems } from "./audit";
import { diagnoseBatch, type BatchAnswer } from "./batch";
import { readCases, type EvalCase } from "./case-file";
import { scoreCases, type Score } from "./metrics";
import { pathDifferences } from "./paths";
import { messyVariants } from "./variants";

const SAMPLES = join(import.meta.dirname, "..", "..", "shared", "cloudtrail-samples");

function sampleRecords(): { id: string; text: string }[] {
  let files: string[];
  try {
    files = readdirSync(SAMPLES).filter((name) => name.endsWith(".jsonl"));
  } catch {
    console.warn(`No CloudTrail samples at ${SAMPLES}: the fix audit covers the corpus only.`);
    return [];
  }
  return files.flatMap((file) =>
    readFileSync(join(SAMPLES, file), "utf8")
      .split("\n")
      .filter((line) => line.trim())
      .map((text, index) => ({ id: `${file}:${index + 1}`, text })),
  );
}

async function auditAll(inputs: { id: string; text: string }[], answers: Map<string, BatchAnswer>) {
  const totals = { findings: 0, unknownActions: [] as string[], missingResourceTypes: [] as string[] };
  const rest = { missingDependentActions: [] as string[], placeholdersWithValues: [] as string[] };
  for (const input of inputs) {
    for (const finding of answers.get(input.id)?.findings ?? []) {
      totals.findings++;
      const problems: FixProblems = await auditFinding(finding, input.text);
      const tag = (problem: string) => `${input.id}: ${problem}`;
      totals.unknownActions.push(...problems.unknownActions.map(tag));
      totals.missingResourceTypes.push(...problems.missingResourceTypes.map(tag));
      rest.missingDependentActions.push(...problems.missingDependentActions.map(tag));
      rest.placeholdersWithValues.push(...problems.placeholdersWithValues.map(tag));
    }
  }
  return { ...totals, ...rest };
}

/** How many failures each missed line lists (EVAL_SHOW, default 12). */
function shown(): number {
  return Number(process.env.EVAL_SHOW ?? 12);
}

function line(label: string, score: Score, target: number): boolean {
  const ratio = score.total === 0 ? 1 : score.passed / score.total;
  const met = ratio >= target;
  const figure = `${score.passed}/${score.total} = ${ratio.toFixed(3)}`;
  console.log(`${met ? "  ok " : "MISS "} ${label.padEnd(56)} ${figure.padEnd(20)} target ≥ ${target}`);
  if (!met) for (const failure of score.failures.slice(0, shown())) console.log(`        ${failure}`);
  return met;
}

function countLine(label: string, problems: string[]): boolean {
  console.log(
    `${problems.length === 0 ? "  ok " : "MISS "} ${label.padEnd(56)} ${String(problems.length).padEnd(20)} target 0`,
  );
  for (const problem of [...new Set(problems)].slice(0, shown())) console.log(`        ${problem}`);
  return problems.length === 0;
}

async function main(): Promise<number> {
  const cases: EvalCase[] = readCases(join(import.meta.dirname, "cases"));
  const variants = messyVariants(cases);
  const samples = sampleRecords();
  const inputs = [...cases, ...variants, ...samples].map(({ id, text }) => ({ id, text }));
  const answers = diagnoseBatch(inputs);
  const corpus = scoreCases(cases, answers);
  const messy = scoreCases(variants, answers);
  const audit = await auditAll(inputs, answers);
  const paths = await pathDifferences(samples, answers);

  console.log(
    `whydenied eval: ${cases.length} real cases, ${variants.length} messy variants, ${samples.length} CloudTrail samples`,
  );
  const results = [
    line("stated policy type read (real + variants)", corpus.statedType.plus(messy.statedType), 0.99),
    line("top-1 layer where the message states it", corpus.statedTop1.plus(messy.statedTop1), 0.97),
    line("right layer among candidates where it does not", corpus.unstatedAmong, 0.95),
    line("top-1 layer where it does not", corpus.unstatedTop1, 0.75),
    line("action read", corpus.action.plus(messy.action), 0.97),
    line("non-denials rejected, or their real cause listed", corpus.nonDenialsRejected, 1),
    countLine("fix audit: actions that do not exist", audit.unknownActions),
    countLine("fix audit: required resource types missing", audit.missingResourceTypes),
    countLine("fix audit: placeholders for values in the input", audit.placeholdersWithValues),
    countLine("samples fixed differently pasted/looked up/uploaded", paths.differences),
  ];
  console.log(
    `      (${audit.findings} findings audited; dependent actions not granted: ${audit.missingDependentActions.length})`,
  );
  for (const problem of [...new Set(audit.missingDependentActions)].slice(0, 8)) console.log(`        ${problem}`);
  console.log(
    `      (${paths.compared} samples each pasted, uploaded and looked up; ${paths.unreachable} are no role's, so no lookup finds them)`,
  );
  return results.every(Boolean) ? 0 : 1;
}

process.exitCode = await main();
