import autocannon from "autocannon";
import { processCpuMs } from "./cpu";
import { sampleRss, type RssSpan } from "./rss";
import type { RunningServer } from "./server";
import type { LoadTarget } from "./targets";

/** What one target did under load. */
export interface TargetFigures {
  name: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Connection errors and timeouts. */
  errors: number;
  non2xx: number;
  /** The server's CPU time (all its threads) per request answered, in µs. */
  serverCpuMicrosPerRequest: number;
  rss: RssSpan;
}

/** Fires `target` at the server over `connections` connections for `seconds`, sampling the server's RSS meanwhile. */
export async function measureTarget(
  server: RunningServer,
  target: LoadTarget,
  options: { connections: number; seconds: number },
): Promise<TargetFigures> {
  const sampler = sampleRss(server.pid);
  const cpuBefore = processCpuMs(server.pid) ?? 0;
  const result = await autocannon({
    url: server.origin,
    connections: options.connections,
    duration: options.seconds,
    requests: target.requests,
  });
  const rss = sampler.stop();
  const cpuMs = (processCpuMs(server.pid) ?? cpuBefore) - cpuBefore;
  return {
    name: target.name,
    requestsPerSecond: result.requests.total / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    serverCpuMicrosPerRequest: (cpuMs * 1000) / Math.max(1, result.requests.total),
    rss,
  };
}

/** One target's slices taken together: p50 the slices' median, p99 their worst, so nothing is flattered. */
function combine(slices: TargetFigures[], seconds: number): TargetFigures {
  const first = slices[0]!;
  const p50s = slices.map((slice) => slice.p50Ms).sort((a, b) => a - b);
  const requests = slices.reduce((sum, slice) => sum + slice.requests, 0);
  return {
    name: first.name,
    requestsPerSecond: requests / seconds,
    p50Ms: p50s[Math.floor(p50s.length / 2)]!,
    p99Ms: Math.max(...slices.map((slice) => slice.p99Ms)),
    requests,
    errors: slices.reduce((sum, slice) => sum + slice.errors, 0),
    non2xx: slices.reduce((sum, slice) => sum + slice.non2xx, 0),
    serverCpuMicrosPerRequest:
      slices.reduce((sum, slice) => sum + slice.serverCpuMicrosPerRequest * slice.requests, 0) / Math.max(1, requests),
    rss: {
      start: first.rss.start,
      peak: Math.max(...slices.map((slice) => slice.rss.peak)),
      end: slices.at(-1)!.rss.end,
    },
  };
}

/**
 * Measures targets in alternating slices (A B A B …, `rounds` each, `seconds` in all per target), so a change in the
 * machine's load during the run weighs on every target alike and their ratio stays fair.
 */
export async function measureInterleaved(
  server: RunningServer,
  targets: LoadTarget[],
  options: { connections: number; seconds: number; rounds: number },
): Promise<TargetFigures[]> {
  const slices = targets.map((): TargetFigures[] => []);
  const sliceSeconds = options.seconds / options.rounds;
  for (let round = 0; round < options.rounds; round++)
    for (const [index, target] of targets.entries())
      slices[index]!.push(
        await measureTarget(server, target, { connections: options.connections, seconds: sliceSeconds }),
      );
  return slices.map((taken) => combine(taken, options.seconds));
}
