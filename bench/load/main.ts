import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import { writeSections } from "../report";
import { liveHeapBytes } from "./heap";
import { measureInterleaved, measureTarget, type TargetFigures } from "./measure";
import { isFlat, loadSection, ratioOf, verdicts, type LoadFigures } from "./section";
import { hasProductionBuild, startProductionServer } from "./server";
import { CEILING, diagnoseMix, everNewActions, NOTHING_TO_DIAGNOSE, PAGES } from "./targets";

const CONNECTIONS = 10;
/** Warm-up per target: the API's mix takes V8 this long to optimize its many code paths, as a running server has. */
const WARM_UP_SECONDS = 10;
/** The ceiling and the API alternate in this many slices each, so the machine's other load weighs on both alike. */
const ROUNDS = 5;
/** New names before the memory run's start is read: RSS first climbs while V8 sizes its heap to the load. */
const MEMORY_WARM_UP_SECONDS = 15;

function print(target: TargetFigures): void {
  console.log(
    `${target.name}: ${Math.round(target.requestsPerSecond)} req/s, p50 ${target.p50Ms} ms, p99 ${target.p99Ms} ms, ` +
      `${Math.round(target.serverCpuMicrosPerRequest)} µs server CPU a request, ` +
      `${target.errors} errors, ${target.non2xx} non-2xx, RSS peak ${(target.rss.peak / 2 ** 20).toFixed(0)} MiB`,
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seconds: { type: "string", default: "10" },
      "memory-seconds": { type: "string", default: "60" },
      profile: { type: "string" },
    },
  });
  const seconds = Number(values.seconds);
  const memorySeconds = Number(values["memory-seconds"]);
  if (!hasProductionBuild()) {
    console.error(
      "No production build: run `npm run build` first (npm run load measures the build, it never makes one).",
    );
    process.exit(1);
  }
  const loadBefore = loadavg();
  const server = await startProductionServer({ profileDir: values.profile ?? null });
  console.log(
    `next start (pid ${server.pid}) on ${server.origin}; load average ${loadBefore.map((v) => v.toFixed(2)).join(" ")}`,
  );
  try {
    const run = async (target: Parameters<typeof measureTarget>[1], duration = seconds) => {
      const figures = await measureTarget(server, target, { connections: CONNECTIONS, seconds: duration });
      print(figures);
      return figures;
    };
    const api = diagnoseMix();
    for (const target of [CEILING, NOTHING_TO_DIAGNOSE, api, ...PAGES])
      await measureTarget(server, target, { connections: CONNECTIONS, seconds: WARM_UP_SECONDS });
    const [ceiling, floor, apiFigures] = await measureInterleaved(server, [CEILING, NOTHING_TO_DIAGNOSE, api], {
      connections: CONNECTIONS,
      seconds,
      rounds: ROUNDS,
    });
    for (const figures of [ceiling!, floor!, apiFigures!]) print(figures);
    const pages = [];
    for (const page of PAGES) pages.push(await run(page));
    console.log(`Memory: ${MEMORY_WARM_UP_SECONDS} s of warm-up, then ${memorySeconds} s of ever-new action names…`);
    await measureTarget(server, everNewActions(), { connections: CONNECTIONS, seconds: MEMORY_WARM_UP_SECONDS });
    const heapStart = await liveHeapBytes(server.inspectorUrl);
    const memory = await run(everNewActions(), memorySeconds);
    const liveHeap = { start: heapStart, end: await liveHeapBytes(server.inspectorUrl) };
    const figures: LoadFigures = {
      connections: CONNECTIONS,
      seconds,
      cpu: cpus()[0]?.model ?? "unknown CPU",
      loadBefore,
      loadAfter: loadavg(),
      ceiling: ceiling!,
      routeFloor: floor!,
      api: apiFigures!,
      pages,
      memory: {
        warmUpSeconds: MEMORY_WARM_UP_SECONDS,
        seconds: memorySeconds,
        requests: memory.requests,
        errors: memory.errors,
        non2xx: memory.non2xx,
        rss: memory.rss,
        liveHeap,
      },
    };
    const verdict = verdicts(figures);
    console.log(
      `API ÷ ceiling ${ratioOf(figures).toFixed(2)}; memory ${isFlat(liveHeap) ? "flat" : "NOT flat"}; ` +
        `targets: ${Object.entries(verdict)
          .map(([name, ok]) => `${name} ${ok ? "met" : "missed"}`)
          .join(", ")}`,
    );
    writeSections(new Map([["load", loadSection(figures)]]));
    console.log("Wrote the load section of BENCHMARKS.md");
  } finally {
    await server.stop();
  }
}

await main();
