import type { ServerResponse } from "node:http";
import { z } from "zod";
import { faultSchema, type FaultQueue } from "./faults";
import type { StatsCounter } from "./stats";
import { parseJsonBody, sendError, sendJson } from "./protocols/json-1-1";

export const CONTROL_PREFIX = "/__control/";

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
 * read stats, reset. They never touch the events.
 */
export function handleControl(
  method: string,
  path: string,
  body: string,
  targets: ControlTargets,
  response: ServerResponse,
  requestId: string,
): void {
  const route = `${method} ${path}`;
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
