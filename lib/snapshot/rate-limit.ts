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

/**
 * A token bucket per client address, in a map of fixed capacity. Time is passed in (`now`, in ms), never read, so
 * tests drive it. A forgotten address starts again with a full bucket, which only ever errs towards allowing.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly policy: RateLimitPolicy) {}

  /** Takes one action's allowance for `address` at time `now`. */
  take(address: string, now: number): RateDecision {
    const perMs = this.policy.refillPerMinute / 60_000;
    const bucket = this.buckets.get(address) ?? { tokens: this.policy.burst, updatedAt: now };
    const tokens = Math.min(this.policy.burst, bucket.tokens + Math.max(0, now - bucket.updatedAt) * perMs);
    this.remember(address, { tokens: tokens >= 1 ? tokens - 1 : tokens, updatedAt: now });
    if (tokens >= 1) return { allowed: true };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / perMs / 1000)) };
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
