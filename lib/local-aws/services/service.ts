import type { IncomingMessage, ServerResponse } from "node:http";
import type { Clock } from "../../lookup";
import type { FaultQueue } from "../faults";
import type { SlidingWindowLimiter } from "../rate-limit";
import type { SessionRegistry } from "../sessions";
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

/** What every service shares: the rate limit, injected faults, the stats, issued sessions, the clock, and shutdown. */
export interface SharedState {
  /** The temporary credentials STS AssumeRole handed out, which tell the other services the caller's account. */
  sessions: SessionRegistry;
  limiter: SlidingWindowLimiter;
  faults: FaultQueue;
  stats: StatsCounter;
  clock: Clock;
  /** Aborts when the server closes, cutting delays short. */
  shutdown: AbortSignal;
}

/** A role STS AssumeRole lets callers assume. */
export interface RoleSeed {
  roleArn: string;
  /** When set, AssumeRole must carry exactly this ExternalId (the trust policy's sts:ExternalId condition). */
  externalId?: string;
  /** The role's maximum session duration; default 3600, as IAM's. */
  maxSessionSeconds?: number;
}

/** An IAM Access Troubleshooter authorization id the endpoint answers, with what AWS recorded for it. */
export interface AuthorizationSeed {
  authorizationId: string;
  /** The account recorded for the denied principal: only callers from it may read the details. */
  accountId: string;
  /** The GetRequestAuthorizationDetails answer, all evaluations in one (the endpoint pages them). */
  details: { requestContext?: Record<string, unknown>; evaluations: unknown[]; policies?: unknown[] };
  /** GetRequestAuthorizationPolicy's answers, by policy uri. */
  policies?: Record<string, unknown>;
  /** When the denial happened (ISO 8601); the details expire RETENTION later. */
  deniedAt: string;
}

/** The data the endpoint serves, each service reading its own part. */
export interface ServiceData {
  /** CloudTrail records (plain objects, as in a trail file), already validated. */
  events: readonly TrailRecord[];
  roles: readonly RoleSeed[];
  authorizations: readonly AuthorizationSeed[];
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
