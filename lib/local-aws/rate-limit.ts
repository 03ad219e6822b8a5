const WINDOW_MS = 1000;

/**
 * Admits at most `limit` requests per key in any sliding 1000 ms window, like CloudTrail's
 * "two per second, per account, per Region". Refused requests do not use up the window.
 */
export class SlidingWindowLimiter {
  private readonly admitted = new Map<string, number[]>();
  private readonly limit: number;
  private readonly now: () => number;

  /** `now` is a monotonic clock in milliseconds; tests pass their own. */
  constructor(limit: number, now: () => number = () => performance.now()) {
    if (limit !== Number.POSITIVE_INFINITY && !(Number.isInteger(limit) && limit >= 1)) {
      throw new RangeError(`ratePerSecond must be a positive integer or Infinity, got ${limit}`);
    }
    this.limit = limit;
    this.now = now;
  }

  /** Records a request for `key` and says whether it is within the limit. */
  tryAdmit(key: string): boolean {
    if (this.limit === Number.POSITIVE_INFINITY) return true;
    const at = this.now();
    const recent = (this.admitted.get(key) ?? []).filter((time) => time > at - WINDOW_MS);
    const allowed = recent.length < this.limit;
    if (allowed) recent.push(at);
    this.admitted.set(key, recent);
    return allowed;
  }

  reset(): void {
    this.admitted.clear();
  }
}
