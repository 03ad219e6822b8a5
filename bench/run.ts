import { diagnoseThroughputSection } from "./diagnose-throughput";
import { lookupEfficiencySection } from "./lookup-efficiency";
import { portalReplicasSection } from "./portal-replicas";
import { writeSections, type BenchSection } from "./report";
import { shareThroughputSection } from "./share-throughput";
import { trailThroughputSection } from "./trail-throughput";

/** Every benchmark, in the order BENCHMARKS.md lists them. */
const SECTIONS: BenchSection[] = [
  diagnoseThroughputSection,
  lookupEfficiencySection,
  trailThroughputSection,
  shareThroughputSection,
  portalReplicasSection,
];

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
  writeSections(fresh);
  console.log("\nWrote BENCHMARKS.md");
}

await main(process.argv.slice(2));
