import type { CloudTrailRecord } from "../parse";
import type { Transient } from "../wire";

/** A denial followed within this long by a success of the same call is transient: a retry resolved it. */
export const RETRY_WINDOW_MS = 5 * 60_000;

/** Distinct calls remembered at once; the least recently seen is forgotten first, so memory stays bounded. */
export const MAX_TRACKED_CALLS = 5000;

/** Successes, and denials waiting for one, remembered per call: a burst past this keeps its latest. */
const MAX_PER_CALL = 32;

/** One API call as CloudTrail records it: which operation, by whom, and on what (ARNs; empty when unknown). */
export interface Call {
  key: string;
  resources: readonly string[];
}

/** The caller as CloudTrail names it: the session or user ARN, else the principal id or the calling service. */
function principalOf(record: CloudTrailRecord): string {
  const identity = record.userIdentity as { arn?: string; principalId?: string; invokedBy?: string } | undefined;
  return identity?.arn ?? identity?.principalId ?? identity?.invokedBy ?? "";
}

/** ARNs the record names: its `resources`, top-level ARN request parameters (`roleArn`, …), and `extra`. */
function resourcesOf(record: CloudTrailRecord, extra: string | null): string[] {
  const found = new Set<string>();
  if (extra?.startsWith("arn:")) found.add(extra);
  for (const resource of record.resources ?? []) {
    const arn = resource.ARN ?? resource.arn;
    if (arn) found.add(arn);
  }
  const parameters = (record as { requestParameters?: unknown }).requestParameters;
  if (parameters && typeof parameters === "object")
    for (const value of Object.values(parameters))
      if (typeof value === "string" && value.startsWith("arn:")) found.add(value);
  return [...found];
}

/** The call a record is of; `resource` adds what a denial's message names (successes carry no message). */
export function callOf(record: CloudTrailRecord, resource: string | null = null): Call {
  return {
    key: `${record.eventSource} ${record.eventName} ${principalOf(record)}`,
    resources: resourcesOf(record, resource),
  };
}

/** Same resource when both sides name one; when either does not, the operation and the caller decide alone. */
function sameResource(a: readonly string[], b: readonly string[]): boolean {
  return a.length === 0 || b.length === 0 || a.some((arn) => b.includes(arn));
}

const resolves = (successTime: number, denialTime: number) =>
  successTime >= denialTime && successTime - denialTime <= RETRY_WINDOW_MS;

interface Seen<T> {
  time: number;
  resources: readonly string[];
  item: T;
}

interface CallMemory<T> {
  successes: Seen<null>[];
  pending: Seen<T>[];
}

/**
 * Pairs denials with later successes of the same call, whichever order they arrive in: a lookup reads newest first
 * (the success comes before its denial), a trail file roughly oldest first (the success comes after). A denial with
 * no success yet waits, carrying `item`, until one resolves it or it is forgotten (MAX_TRACKED_CALLS, MAX_PER_CALL).
 */
export interface RetryTracker<T> {
  /** A denial: true when a success already seen resolves it; otherwise it waits with `item`. */
  denied(call: Call, time: number, item: T): boolean;
  /** A success: the items of the waiting denials it resolves, which stop waiting. */
  succeeded(call: Call, time: number): T[];
}

export function createRetryTracker<T>(): RetryTracker<T> {
  const calls = new Map<string, CallMemory<T>>();

  /** The call's memory, made the most recently used; the least recently used call is forgotten past the limit. */
  const memoryOf = (key: string): CallMemory<T> => {
    const memory = calls.get(key) ?? { successes: [], pending: [] };
    calls.delete(key);
    calls.set(key, memory);
    if (calls.size > MAX_TRACKED_CALLS) calls.delete(calls.keys().next().value!);
    return memory;
  };
  const remember = <S>(list: Seen<S>[], seen: Seen<S>) => {
    list.push(seen);
    if (list.length > MAX_PER_CALL) list.shift();
  };

  return {
    denied(call, time, item) {
      if (Number.isNaN(time)) return false;
      const memory = memoryOf(call.key);
      if (
        memory.successes.some(
          (success) => resolves(success.time, time) && sameResource(success.resources, call.resources),
        )
      )
        return true;
      remember(memory.pending, { time, resources: call.resources, item });
      return false;
    },
    succeeded(call, time) {
      if (Number.isNaN(time)) return [];
      const memory = memoryOf(call.key);
      remember(memory.successes, { time, resources: call.resources, item: null });
      if (memory.pending.length === 0) return [];
      const resolved = memory.pending.filter(
        (denial) => resolves(time, denial.time) && sameResource(denial.resources, call.resources),
      );
      if (resolved.length > 0) memory.pending = memory.pending.filter((denial) => !resolved.includes(denial));
      return resolved.map((denial) => denial.item);
    },
  };
}

const MINUTES = RETRY_WINDOW_MS / 60_000;

/** Why a group of denials needs no change: a retry, or for a refused AssumeRole, IAM's eventual consistency. */
export function transientFor(eventName: string): Transient {
  if (eventName.startsWith("AssumeRole"))
    return {
      cause: "iam-propagation",
      explanation:
        `Refused, then the same caller assumed the role within ${MINUTES} minutes: IAM eventual consistency — a new role ` +
        "or policy takes a few seconds to apply everywhere. Nothing to change; retry with backoff after creating a role " +
        "or editing its trust policy.",
    };
  return {
    cause: "retry",
    explanation:
      `Denied, then the same call by the same caller succeeded within ${MINUTES} minutes, so a retry resolved it and ` +
      "there is nothing to change. If it happens often, the permission was probably granted (or the resource created) " +
      "just before: IAM changes take a few seconds to apply everywhere.",
  };
}
