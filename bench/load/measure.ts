import autocannon from "autocannon";
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
  rss: RssSpan;
}

/** Fires `target` at the server over `connections` connections for `seconds`, sampling the server's RSS meanwhile. */
export async function measureTarget(
  server: RunningServer,
  target: LoadTarget,
  options: { connections: number; seconds: number },
): Promise<TargetFigures> {
  const sampler = sampleRss(server.pid);
  const result = await autocannon({
    url: server.origin,
    connections: options.connections,
    duration: options.seconds,
    requests: target.requests,
  });
  const rss = sampler.stop();
  return {
    name: target.name,
    requestsPerSecond: result.requests.total / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    rss,
  };
}
