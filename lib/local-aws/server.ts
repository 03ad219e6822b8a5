import { randomUUID } from "node:crypto";
import { createServer, type Server, type ServerResponse } from "node:http";
import { z } from "zod";
import { systemClock, type Clock } from "../lookup";
import { trailRecordSchema, type TrailRecord } from "../trail-record";
import { CONTROL_PREFIX, handleControl, type ControlTargets } from "./control-routes";
import { FaultQueue, type FaultControl } from "./faults";
import { sendError } from "./protocols/json-1-1";
import { SlidingWindowLimiter } from "./rate-limit";
import { readBody } from "./request-body";
import {
  createServices,
  type AuthorizationSeed,
  type LocalService,
  type RoleSeed,
  type ServiceCall,
  type SharedState,
} from "./services";
import { SessionRegistry } from "./sessions";
import { StatsCounter, type EndpointStats } from "./stats";
import { listen } from "../http/ports";

interface LocalAwsOptions {
  /** CloudTrail records (plain objects, as in a trail file) that LookupEvents serves. */
  events: readonly TrailRecord[];
  /** Roles STS AssumeRole grants (none by default). */
  roles?: readonly RoleSeed[];
  /** Authorization ids IAM Toolbox answers (none by default). */
  authorizations?: readonly AuthorizationSeed[];
  /** Requests allowed per second per service and Region; default 2, LookupEvents' limit. */
  ratePerSecond?: number;
  /** Time for the rate limit, the 90-day window and injected delays; default the system clock. */
  clock?: Clock;
  /** Default "127.0.0.1": the endpoint never listens on other interfaces unless asked to. */
  host?: string;
  /** Default 0 (ephemeral). */
  port?: number;
  /**
   * Turns on the `/__control/` routes for requests that carry this token (see control-routes.ts); without it they
   * answer 404, so nothing else on the machine can inject faults or reset the endpoint.
   */
  controlToken?: string;
}

export interface LocalAws {
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
  services: readonly LocalService[];
  shared: SharedState;
  control: ControlTargets;
  controlToken: string | undefined;
}

/** Fails fast, naming the culprit, when a caller hands over something that is not a CloudTrail record. */
function assertRecords(events: readonly TrailRecord[]): void {
  events.forEach((event, index) => {
    const parsed = trailRecordSchema.safeParse(event);
    if (!parsed.success)
      throw new TypeError(`events[${index}] is not a CloudTrail record: ${z.prettifyError(parsed.error)}`);
  });
}

/** The answer to a request no service claims: an unknown path, a method no protocol uses, or an unknown operation. */
function answerUnclaimed(call: ServiceCall, services: readonly LocalService[]): void {
  const { response, path, method, requestId } = call;
  if (path !== "/") return sendError(response, 404, "UnknownOperationException", `No route for ${path}.`, requestId);
  const names = services.map((service) => service.name).join(" and ");
  if (method !== "POST")
    return sendError(response, 405, "UnknownOperationException", `${names} operations are POST /.`, requestId);
  const serves = services.map((service) => service.serves).join(", ");
  sendError(response, 400, "UnknownOperationException", `This endpoint serves ${serves} only.`, requestId);
}

async function route(call: Omit<ServiceCall, "body">, endpoint: Endpoint): Promise<void> {
  const { request, response, path, method, requestId } = call;
  const body = await readBody(request);
  if (!body.ok) {
    response.setHeader("connection", "close");
    return sendError(response, 413, body.error.code, body.error.message, requestId);
  }
  if (path.startsWith(CONTROL_PREFIX))
    return handleControl(
      { method, path, headers: request.headers, body: body.value, requestId },
      endpoint.controlToken,
      endpoint.control,
      response,
    );
  const withBody: ServiceCall = { ...call, body: body.value };
  const service = endpoint.services.find((candidate) => candidate.claims(withBody));
  if (!service) return answerUnclaimed(withBody, endpoint.services);
  return service.serve(withBody, endpoint.shared);
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

/** Cuts pending delays and open keep-alive connections short, so closing never waits on a client. */
function stop(server: Server, shutdown: AbortController): Promise<void> {
  return new Promise((resolve, reject) => {
    shutdown.abort();
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}

/**
 * Starts a real HTTP server that speaks the AWS wire protocols of the services in `./services`
 * (CloudTrail's JSON 1.1 LookupEvents, STS AssumeRole over AWS Query, IAM Toolbox over REST-JSON), so the real SDK clients can query it with
 * `endpoint: url` and dummy credentials, plus, with a `controlToken`, the test-only routes under `/__control/`.
 */
export async function startLocalAws(options: LocalAwsOptions): Promise<LocalAws> {
  assertRecords(options.events);
  const clock = options.clock ?? systemClock;
  const shutdown = new AbortController();
  const shared: SharedState = {
    limiter: new SlidingWindowLimiter(options.ratePerSecond ?? 2, () => clock.now()),
    faults: new FaultQueue(),
    stats: new StatsCounter(),
    sessions: new SessionRegistry(),
    clock,
    shutdown: shutdown.signal,
  };
  const reset = (): void => {
    shared.stats.reset();
    shared.faults.clear();
    shared.limiter.reset();
  };
  const endpoint: Endpoint = {
    services: createServices({
      events: options.events,
      roles: options.roles ?? [],
      authorizations: options.authorizations ?? [],
    }),
    shared,
    control: { faults: shared.faults, stats: shared.stats, reset },
    controlToken: options.controlToken,
  };

  const server = createServer((request, response) => {
    const call = {
      request,
      response,
      path: (request.url ?? "/").split("?")[0] ?? "/",
      method: request.method ?? "GET",
      requestId: randomUUID(),
    };
    route(call, endpoint).catch((error: unknown) => answerUnexpected(response, error, shutdown.signal));
  });
  const host = options.host ?? "127.0.0.1";
  const port = await listen(server, options.port ?? 0, host);
  const urlHost = host.includes(":") ? `[${host}]` : host;
  let closing: Promise<void> | undefined;

  return {
    url: `http://${urlHost}:${port}`,
    port,
    faults: shared.faults,
    stats: () => shared.stats.snapshot(),
    reset,
    close: () => (closing ??= stop(server, shutdown)),
  };
}
