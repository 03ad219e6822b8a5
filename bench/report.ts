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

const marker = (id: string) => [`<!-- bench:${id} -->`, `<!-- /bench:${id} -->`] as const;

/**
 * Puts fresh sections into the report, keeping the sections of benchmarks that did not run this time,
 * so `npm run bench -- <id>` re-measures one figure without dropping the others.
 */
export function mergeReport(previous: string, fresh: Map<string, string>, order: string[], header: string): string {
  const sections = order.flatMap((id) => {
    const [open, close] = marker(id);
    const body = fresh.get(id) ?? previous.slice(previous.indexOf(open) + open.length, previous.indexOf(close)).trim();
    return previous.includes(open) || fresh.has(id) ? [`${open}\n${body.trim()}\n${close}`] : [];
  });
  return `${header}\n\n${sections.join("\n\n")}\n`;
}
