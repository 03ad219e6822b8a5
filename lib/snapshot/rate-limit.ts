import type { RateBucketStore } from "../store";

/** How many actions a client may take at once, how fast the allowance returns, and how many clients are tracked. */
export interface RateLimitPolicy {
  burst: number;
  refillPerMinute: number;
  /** Fixed capacity: past it the least recently seen address is forgotten, so memory stays bounded. */
  maxAddresses: number;
}

/** Allowed, or refused with how many whole seconds until the next action is allowed. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** A per-address limit, kept in this process or shared by every replica. */
export interface RateLimit {
  /** Takes one action's allowance for `address` at time `now` (epoch ms). */
  take(address: string, now: number): Promise<RateDecision>;
}

/** The bucket after one action at `now` (a missing bucket is full), and whether the action was allowed. */
function takeFrom(
  bucket: Bucket | null,
  now: number,
  policy: Pick<RateLimitPolicy, "burst" | "refillPerMinute">,
): { bucket: Bucket; answer: RateDecision } {
  const perMs = policy.refillPerMinute / 60_000;
  const { tokens: held, updatedAt } = bucket ?? { tokens: policy.burst, updatedAt: now };
  const tokens = Math.min(policy.burst, held + Math.max(0, now - updatedAt) * perMs);
  if (tokens >= 1) return { bucket: { tokens: tokens - 1, updatedAt: now }, answer: { allowed: true } };
  return {
    bucket: { tokens, updatedAt: now },
    answer: { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / perMs / 1000)) },
  };
}

/**
 * A token bucket per client address, in a map of fixed capacity. Time is passed in (`now`, in ms), never read, so
 * tests drive it. A forgotten address starts again with a full bucket, which only ever errs towards allowing.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly policy: RateLimitPolicy) {}

  /** Takes one action's allowance for `address` at time `now`. */
  take(address: string, now: number): RateDecision {
    const { bucket, answer } = takeFrom(this.buckets.get(address) ?? null, now, this.policy);
    this.remember(address, bucket);
    return answer;
  }

  /** Addresses tracked now (at most `maxAddresses`). */
  get size(): number {
    return this.buckets.size;
  }

  private remember(address: string, bucket: Bucket): void {
    // Re-inserting moves the address to the end: the map's first key is always the least recently seen.
    this.buckets.delete(address);
    this.buckets.set(address, bucket);
    if (this.buckets.size > this.policy.maxAddresses) {
      const oldest = this.buckets.keys().next();
      if (!oldest.done) this.buckets.delete(oldest.value);
    }
  }
}

/** The limit of one process, in a RateLimiter. */
export function processRateLimit(policy: RateLimitPolicy): RateLimit {
  const limiter = new RateLimiter(policy);
  return { take: (address, now) => Promise.resolve(limiter.take(address, now)) };
}

/**
 * The same limit shared by every replica: one bucket row per address under `name`, changed in a transaction that
 * holds it, so the replicas' actions together draw on one allowance. A bucket left alone until it is full again is
 * deleted, so the table holds only clients that acted lately.
 */
export function sharedRateLimit(
  buckets: RateBucketStore,
  name: string,
  policy: Pick<RateLimitPolicy, "burst" | "refillPerMinute">,
): RateLimit {
  const fullAfterMs = (policy.burst / policy.refillPerMinute) * 60_000;
  return {
    take: (address, now) =>
      buckets.change(`${name} ${address}`, now - fullAfterMs, (bucket) => takeFrom(bucket, now, policy)),
  };
}
