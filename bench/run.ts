import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { diagnoseThroughputSection } from "./diagnose-throughput";
import { lookupEfficiencySection } from "./lookup-efficiency";
import { machine, mergeReport, type BenchSection } from "./report";
import { shareThroughputSection } from "./share-throughput";
import { trailThroughputSection } from "./trail-throughput";

/** Every benchmark, in the order BENCHMARKS.md lists them. */
const SECTIONS: BenchSection[] = [
  diagnoseThroughputSection,
  lookupEfficiencySection,
  trailThroughputSection,
  shareThroughputSection,
];

const REPORT = new URL("../BENCHMARKS.md", import.meta.url);

async function main(requested: string[]): Promise<void> {
  const unknown = requested.filter((id) => !SECTIONS.some((section) => section.id === id));
  if (unknown.length > 0)
    throw new Error(`Unknown benchmark ${unknown.join(", ")}; known: ${SECTIONS.map((s) => s.id).join(", ")}`);
  const chosen = requested.length > 0 ? SECTIONS.filter((section) => requested.includes(section.id)) : SECTIONS;
  const fresh = new Map<string, string>();
  for (const section of chosen) {
    console.log(`\n# ${section.id}`);
    fresh.set(section.id, await section.run());
  }
  const header = `# Benchmarks

Measured with \`npm run bench\` (\`tsx bench/run.ts\`; \`npm run bench -- <id>\` re-runs one section). Each section gives its date.

Machine: ${machine()}.`;
  const previous = existsSync(REPORT) ? readFileSync(REPORT, "utf8") : "";
  writeFileSync(
    REPORT,
    mergeReport(
      previous,
      fresh,
      SECTIONS.map((section) => section.id),
      header,
    ),
  );
  console.log("\nWrote BENCHMARKS.md");
}

await main(process.argv.slice(2));
