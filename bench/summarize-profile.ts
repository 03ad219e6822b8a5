import { readFileSync } from "node:fs";

/** The parts of a V8 .cpuprofile this summary reads. */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

/** Sums self-time per function in a V8 .cpuprofile and prints the top entries: `tsx bench/summarize-profile.ts <file> [top]`. */
function summarize(path: string, top: number): void {
  const profile = JSON.parse(readFileSync(path, "utf8")) as CpuProfile;
  const frameOf = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const selfTime = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, index) => {
    const frame = frameOf.get(id);
    const delta = profile.timeDeltas[index] ?? 0;
    total += delta;
    if (!frame) return;
    const file = frame.url.split("/").slice(-2).join("/");
    const key = `${frame.functionName || "(anonymous)"} ${file}:${frame.lineNumber + 1}`;
    selfTime.set(key, (selfTime.get(key) ?? 0) + delta);
  });
  const rows = [...selfTime.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
  for (const [key, time] of rows)
    console.log(
      `${((100 * time) / total).toFixed(1).padStart(5)}%  ${(time / 1000).toFixed(0).padStart(6)} ms  ${key}`,
    );
}

summarize(process.argv[2] ?? "", Number(process.argv[3] ?? 40));
