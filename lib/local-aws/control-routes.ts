import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders, ServerResponse } from "node:http";
import { z } from "zod";
import { faultSchema, type FaultQueue } from "./faults";
import type { StatsCounter } from "./stats";
import { parseJsonBody, sendError, sendJson } from "./protocols/json-1-1";

export const CONTROL_PREFIX = "/__control/";

/** The header a control request carries its token in. */
export const CONTROL_TOKEN_HEADER = "x-whydenied-control-token";

const digest = (text: string) => createHash("sha256").update(text).digest();

/** Whether the request carries the endpoint's control token, compared in constant time. */
function hasToken(headers: IncomingHttpHeaders, token: string): boolean {
  const sent = headers[CONTROL_TOKEN_HEADER];
  return typeof sent === "string" && timingSafeEqual(digest(sent), digest(token));
}

export interface ControlTargets {
  faults: FaultQueue;
  stats: StatsCounter;
  reset(): void;
}

function noContent(response: ServerResponse, requestId: string): void {
  response.writeHead(204, { "x-amzn-requestid": requestId });
  response.end();
}

function injectFault(body: string, targets: ControlTargets, response: ServerResponse, requestId: string): void {
  const json = parseJsonBody(body);
  if (!json.ok) return sendError(response, 400, json.error.code, json.error.message, requestId);
  const fault = faultSchema.safeParse(json.value);
  if (!fault.success) return sendError(response, 400, "ValidationException", z.prettifyError(fault.error), requestId);
  targets.faults.inject(fault.data);
  noContent(response, requestId);
}

/**
 * The test-only routes that let another process steer the endpoint: inject and clear faults,
 * read stats, reset. They never touch the events. Off (404) without a `controlToken`, as inside the app; with one,
 * a request without that token in the `x-whydenied-control-token` header gets 401.
 */
export function handleControl(
  call: { method: string; path: string; headers: IncomingHttpHeaders; body: string; requestId: string },
  controlToken: string | undefined,
  targets: ControlTargets,
  response: ServerResponse,
): void {
  const { method, path, body, requestId } = call;
  const route = `${method} ${path}`;
  if (controlToken === undefined)
    return sendError(response, 404, "UnknownOperationException", `No route for ${path}.`, requestId);
  if (!hasToken(call.headers, controlToken))
    return sendError(response, 401, "UnrecognizedClientException", "The control token is missing or wrong.", requestId);
  switch (route) {
    case "POST /__control/faults":
      return injectFault(body, targets, response, requestId);
    case "DELETE /__control/faults":
      targets.faults.clear();
      return noContent(response, requestId);
    case "GET /__control/stats":
      return sendJson(response, 200, targets.stats.snapshot(), requestId);
    case "POST /__control/reset":
      targets.reset();
      return noContent(response, requestId);
    default:
      return sendError(response, 404, "UnknownOperationException", `No control route ${route}.`, requestId);
  }
}
