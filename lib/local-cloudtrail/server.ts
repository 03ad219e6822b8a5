import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";
import { CONTROL_PREFIX, handleControl } from "./control-routes";
import { FaultQueue, type FaultControl } from "./faults";
import { lookupEvents } from "./lookup-events";
import { SlidingWindowLimiter } from "./rate-limit";
import { seedRecordSchema, type SeedRecord } from "./record";
import { seedDemoEvents } from "./seed";
import { StatsCounter, type EndpointStats } from "./stats";
import { EventStore } from "./store";
import { isLookupEventsTarget, parseJsonBody, readBody, regionOfSignedRequest, sendError, sendJson } from "./wire";

export interface LocalCloudTrailOptions {
  /** CloudTrail records (plain objects, as in a trail file) to serve; default: seedDemoEvents({ now: new Date() }). */
  events?: SeedRecord[];
  /** LookupEvents requests allowed per second per Region; default 2. */
  ratePerSecond?: number;
  /** Default "127.0.0.1": the endpoint never listens on other interfaces unless asked to. */
  host?: string;
  /** Default 0 (ephemeral). */
  port?: number;
}

export interface LocalCloudTrail {
  /** e.g. "http://127.0.0.1:45123" */
  url: string;
  port: number;
  faults: FaultControl;
  stats(): EndpointStats;
  /** Clears stats, faults and rate-limit state. */
  reset(): void;
  close(): Promise<void>;
}

interface Endpoint {
  store: EventStore;
  limiter: SlidingWindowLimiter;
  faults: FaultQueue;
  stats: StatsCounter;
  shutdown: AbortSignal;
  reset(): void;
}

/** Fails fast, naming the culprit, when a caller hands over something that is not a CloudTrail record. */
function assertRecords(events: readonly SeedRecord[]): void {
  events.forEach((event, index) => {
    const parsed = seedRecordSchema.safeParse(event);
    if (!parsed.success)
      throw new TypeError(`events[${index}] is not a CloudTrail record: ${z.prettifyError(parsed.error)}`);
  });
}

/** Aborts when the client hangs up (or the answer is done), so a delayed answer stops waiting for nobody. */
function clientGone(response: ServerResponse): AbortSignal {
  const gone = new AbortController();
  response.once("close", () => gone.abort());
  return gone.signal;
}

async function serveLookupEvents(
  request: IncomingMessage,
  response: ServerResponse,
  body: string,
  endpoint: Endpoint,
  requestId: string,
): Promise<void> {
  if (!isLookupEventsTarget(request.headers["x-amz-target"])) {
    return sendError(
      response,
      400,
      "UnknownOperationException",
      "This endpoint serves CloudTrail LookupEvents only.",
      requestId,
    );
  }
  const region = regionOfSignedRequest(request.headers.authorization);
  if (!region.ok) return sendError(response, 400, region.error.code, region.error.message, requestId);
  endpoint.stats.request(region.value);

  const fault = endpoint.faults.take(region.value);
  if (fault) {
    endpoint.stats.faultServed();
    if (fault.delayMs > 0) {
      await sleep(fault.delayMs, undefined, { signal: AbortSignal.any([endpoint.shutdown, clientGone(response)]) });
    }
    if (fault.error) {
      return sendError(
        response,
        fault.error.status,
        fault.error.code,
        "Injected fault from the local CloudTrail endpoint.",
        requestId,
      );
    }
  }
  if (!endpoint.limiter.tryAdmit(region.value)) {
    endpoint.stats.throttled(region.value);
    return sendError(response, 400, "ThrottlingException", "Rate exceeded", requestId);
  }

  const json = parseJsonBody(body);
  if (!json.ok) return sendError(response, 400, json.error.code, json.error.message, requestId);
  const result = lookupEvents(json.value, region.value, endpoint.store, Date.now());
  if (!result.ok) return sendError(response, 400, result.error.code, result.error.message, requestId);
  sendJson(response, 200, result.value, requestId);
}

async function route(request: IncomingMessage, response: ServerResponse, endpoint: Endpoint): Promise<void> {
  const requestId = randomUUID();
  const path = (request.url ?? "/").split("?")[0] ?? "/";
  const method = request.method ?? "GET";
  const body = await readBody(request);
  if (!body.ok) {
    response.setHeader("connection", "close");
    return sendError(response, 413, body.error.code, body.error.message, requestId);
  }
  if (path.startsWith(CONTROL_PREFIX)) return handleControl(method, path, body.value, endpoint, response, requestId);
  if (path !== "/") return sendError(response, 404, "UnknownOperationException", `No route for ${path}.`, requestId);
  if (method !== "POST")
    return sendError(response, 405, "UnknownOperationException", "CloudTrail operations are POST /.", requestId);
  return serveLookupEvents(request, response, body.value, endpoint, requestId);
}

/** Whatever goes wrong in one request, the server answers (or drops that connection) and keeps running. */
function answerUnexpected(response: ServerResponse, error: unknown, shutdown: AbortSignal): void {
  if (shutdown.aborted || response.headersSent || response.destroyed) {
    response.destroy();
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  sendError(response, 500, "InternalFailure", `The local CloudTrail endpoint failed: ${message}`, randomUUID());
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Cuts pending delays and open keep-alive connections short, so closing never waits on a client. */
function stop(server: Server, shutdown: AbortController): Promise<void> {
  return new Promise((resolve, reject) => {
    shutdown.abort();
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}

/**
 * Starts a real HTTP server that speaks CloudTrail's JSON 1.1 LookupEvents protocol, so
 * `@aws-sdk/client-cloudtrail` can query it with `endpoint: url` and dummy credentials.
 * Events are per Region (the Region the request was signed for), paged newest first.
 */
export async function startLocalCloudTrail(options: LocalCloudTrailOptions = {}): Promise<LocalCloudTrail> {
  const records = options.events ?? seedDemoEvents({ now: new Date() });
  assertRecords(records);
  const shutdown = new AbortController();
  const limiter = new SlidingWindowLimiter(options.ratePerSecond ?? 2);
  const faults = new FaultQueue();
  const stats = new StatsCounter();
  const reset = (): void => {
    stats.reset();
    faults.clear();
    limiter.reset();
  };
  const endpoint: Endpoint = {
    store: EventStore.fromRecords(records),
    limiter,
    faults,
    stats,
    shutdown: shutdown.signal,
    reset,
  };

  const server = createServer((request, response) => {
    route(request, response, endpoint).catch((error: unknown) => answerUnexpected(response, error, shutdown.signal));
  });
  const host = options.host ?? "127.0.0.1";
  const port = await listen(server, options.port ?? 0, host);
  const urlHost = host.includes(":") ? `[${host}]` : host;
  let closing: Promise<void> | undefined;

  return {
    url: `http://${urlHost}:${port}`,
    port,
    faults,
    stats: () => stats.snapshot(),
    reset,
    close: () => (closing ??= stop(server, shutdown)),
  };
}
