import { machine, tableRow } from "../report";
import type { TargetFigures } from "./measure";
import type { RssSpan } from "./rss";

/** The targets for the API at 10 connections, and the rule for "memory flat". */
const TARGETS = { ratio: 0.8, p99Ms: 50, flatMiB: 30 } as const;

/** Everything one `npm run load` measured. */
export interface LoadFigures {
  connections: number;
  seconds: number;
  cpu: string;
  loadBefore: number[];
  loadAfter: number[];
  ceiling: TargetFigures;
  /** The API route with nothing to diagnose: what any POST route costs here. */
  routeFloor: TargetFigures;
  api: TargetFigures;
  pages: TargetFigures[];
  memory: {
    warmUpSeconds: number;
    seconds: number;
    requests: number;
    errors: number;
    non2xx: number;
    rss: RssSpan;
    /** The server's heap in use after a forced full collection, before and after the run, in bytes. */
    liveHeap: { start: number; end: number };
  };
}

const MiB = 2 ** 20;
const mib = (bytes: number) => `${Math.round(bytes / MiB)} MiB`;
const whole = (value: number) => Math.round(value).toLocaleString("en");
const loads = (values: number[]) => values.map((value) => value.toFixed(2)).join(" / ");

export function ratioOf(figures: LoadFigures, of: "ceiling" | "routeFloor" = "ceiling"): number {
  return figures.api.requestsPerSecond / figures[of].requestsPerSecond;
}

/** The rule for "flat": after warm-up, the heap left after a full collection ends within TARGETS.flatMiB of its start. */
export function isFlat(live: { start: number; end: number }): boolean {
  return live.end <= live.start + TARGETS.flatMiB * MiB;
}

/** Met or not for each target, as the report and the console say it. */
export function verdicts(figures: LoadFigures): { errors: boolean; ratio: boolean; p99: boolean; flat: boolean } {
  const all = [figures.ceiling, figures.routeFloor, figures.api, ...figures.pages];
  return {
    errors: all.every((target) => target.errors === 0 && target.non2xx === 0) && figures.memory.non2xx === 0,
    ratio: ratioOf(figures) >= TARGETS.ratio,
    p99: figures.api.p99Ms < TARGETS.p99Ms,
    flat: isFlat(figures.memory.liveHeap),
  };
}

const met = (ok: boolean) => (ok ? "**met**" : "**not met**");

/** The `load` section of BENCHMARKS.md. */
export function loadSection(figures: LoadFigures): string {
  const verdict = verdicts(figures);
  const rows = [figures.ceiling, figures.routeFloor, figures.api, ...figures.pages].map((target) =>
    tableRow([
      target.name,
      whole(target.requestsPerSecond),
      whole(target.serverCpuMicrosPerRequest),
      target.p50Ms.toFixed(0),
      target.p99Ms.toFixed(0),
      whole(target.requests),
      `${target.errors} / ${target.non2xx}`,
      mib(target.rss.peak),
      mib(target.rss.end),
    ]),
  );
  const { memory } = figures;
  return `## Load: the production server under autocannon

Measured on ${new Date().toISOString().slice(0, 10)} with \`npm run load\`; CPU ${figures.cpu}; load average (1/5/15 min)
${loads(figures.loadBefore)} before and ${loads(figures.loadAfter)} after. The 2 cores are shared with other work and
autocannon runs on the same machine, so the figures are noisy.

\`next start\` of the existing production build on 127.0.0.1, one process; each target for ${figures.seconds} s over
${figures.connections} connections, after a warm-up of its own (10 s: V8 optimizes the mix's many code paths as a
running server has); the first three in alternating slices (their p50 is the slices' median, their p99 the worst
slice's), so the machine's other load weighs on all alike. \`GET /healthz\` is a static route, prerendered and
answered from Next's cache without running any of our code (outside \`proxy.ts\`, as the API is): the framework's own
ceiling on this machine. The second row is the API route with a text that names no AWS error (admission, body,
parse, a small answer): what a POST route costs here before any diagnosis. The API's requests cycle through 2,000
messages of \`bench/messages.ts\`' mix (answers of 9 KB on average). Server CPU is the server process's user and
system time (all threads, from \`/proc\`) per request. RSS is its \`VmRSS\`, sampled every 100 ms. The pages pass \`proxy.ts\` (nonce, CSP, sign-in) and render.

| target | requests/s | server CPU µs / request | p50 ms | p99 ms | requests | errors / non-2xx | peak RSS | end RSS |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${rows.join("\n")}

**API ÷ ceiling: ${ratioOf(figures).toFixed(2)}** (target ≥ ${TARGETS.ratio}: ${met(verdict.ratio)}); API ÷ the POST
route with nothing to diagnose: ${ratioOf(figures, "routeFloor").toFixed(2)}, and that route ÷ ceiling:
${(figures.routeFloor.requestsPerSecond / figures.ceiling.requestsPerSecond).toFixed(2)}. API p99
${figures.api.p99Ms.toFixed(0)} ms (target < ${TARGETS.p99Ms} ms: ${met(verdict.p99)}); no errors or non-2xx answers:
${met(verdict.errors)}.

**Memory over ${memory.seconds} s of ever-new made-up action names** (\`POST /api/diagnose\`, after
${memory.warmUpSeconds} s of the same as warm-up; ${whole(memory.requests)} requests, each naming a service and action
never seen before; ${memory.errors} errors, ${memory.non2xx} non-2xx). The server's V8 heap in use after a full
collection (forced over its loopback inspector): ${mib(memory.liveHeap.start)} before the run,
${mib(memory.liveHeap.end)} after. Rule for flat: after ≤ before + ${TARGETS.flatMiB} MiB — ${met(verdict.flat)}.
RSS ${mib(memory.rss.start)} at the start, peak ${mib(memory.rss.peak)}, ${mib(memory.rss.end)} at the end: RSS also
holds the heap V8 keeps reserved, which it enlarges under load and does not hand back, so it is reported, not judged.

\`npm run load -- --profile <dir>\` writes the server's V8 CPU profile there (\`npx tsx bench/summarize-profile.ts\`
sums it); README's "Security and reliability" says where the API's time goes and how to serve more.

Machine: ${machine()}.`;
}
