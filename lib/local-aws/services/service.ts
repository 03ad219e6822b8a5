import type { IncomingMessage, ServerResponse } from "node:http";
import type { Clock } from "../../lookup";
import type { FaultQueue } from "../faults";
import type { SlidingWindowLimiter } from "../rate-limit";
import type { StatsCounter } from "../stats";
import type { TrailRecord } from "../../trail-record";

/** One request, its body already read, as the server hands it to the service that claims it. */
export interface ServiceCall {
  request: IncomingMessage;
  response: ServerResponse;
  path: string;
  method: string;
  body: string;
  requestId: string;
}

/** What every service shares: the rate limit, injected faults, the stats, the clock, and shutdown. */
export interface SharedState {
  limiter: SlidingWindowLimiter;
  faults: FaultQueue;
  stats: StatsCounter;
  clock: Clock;
  /** Aborts when the server closes, cutting delays short. */
  shutdown: AbortSignal;
}

/** The data the endpoint serves, each service reading its own part. */
export interface ServiceData {
  /** CloudTrail records (plain objects, as in a trail file), already validated. */
  events: readonly TrailRecord[];
}

/** One emulated AWS service: it claims its requests (by X-Amz-Target prefix, path or signing scope) and answers them. */
export interface LocalService {
  /** How errors name it, e.g. "CloudTrail". */
  name: string;
  /** What it serves, e.g. "CloudTrail LookupEvents", named in the answer to a request no service claims. */
  serves: string;
  claims(call: ServiceCall): boolean;
  serve(call: ServiceCall, shared: SharedState): Promise<void>;
}
