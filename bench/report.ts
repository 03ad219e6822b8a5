import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";

/** One benchmark: runs, then returns its section of BENCHMARKS.md (markdown, starting with a `##` heading). */
export interface BenchSection {
  id: string;
  run: () => Promise<string>;
}

export function machine(): string {
  const cpu = cpus()[0]?.model ?? "unknown CPU";
  return `${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, ${process.platform}/${process.arch}`;
}

/** One row of a Markdown table. */
export function tableRow(cells: readonly (string | number)[]): string {
  return `| ${cells.join(" | ")} |`;
}

/** Every section of BENCHMARKS.md, in its order: `npm run bench`'s, then `npm run load`'s. */
const SECTION_ORDER = ["paste", "lookup", "trail", "share", "portal", "load"];

const REPORT = new URL("../BENCHMARKS.md", import.meta.url);

const HEADER = () => `# Benchmarks

Measured with \`npm run bench\` (\`tsx bench/run.ts\`; \`npm run bench -- <id>\` re-runs one section) and \`npm run load\`
(the production server under load). Each section gives its date.

Machine: ${machine()}.`;

const marker = (id: string) => [`<!-- bench:${id} -->`, `<!-- /bench:${id} -->`] as const;

/**
 * Puts fresh sections into the report, keeping the sections of benchmarks that did not run this time,
 * so `npm run bench -- <id>` re-measures one figure without dropping the others.
 */
function mergeReport(previous: string, fresh: Map<string, string>, order: string[], header: string): string {
  const sections = order.flatMap((id) => {
    const [open, close] = marker(id);
    const body = fresh.get(id) ?? previous.slice(previous.indexOf(open) + open.length, previous.indexOf(close)).trim();
    return previous.includes(open) || fresh.has(id) ? [`${open}\n${body.trim()}\n${close}`] : [];
  });
  return `${header}\n\n${sections.join("\n\n")}\n`;
}

/** Writes fresh sections into BENCHMARKS.md, keeping the others as they were. */
export function writeSections(fresh: Map<string, string>): void {
  const unknown = [...fresh.keys()].filter((id) => !SECTION_ORDER.includes(id));
  if (unknown.length > 0) throw new Error(`BENCHMARKS.md has no place for section ${unknown.join(", ")}`);
  const previous = existsSync(REPORT) ? readFileSync(REPORT, "utf8") : "";
  writeFileSync(REPORT, mergeReport(previous, fresh, SECTION_ORDER, HEADER()));
}
