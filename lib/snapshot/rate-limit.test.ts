import { describe, expect, it } from "vitest";
import { RateLimiter } from "./rate-limit";

const POLICY = { burst: 3, refillPerMinute: 6, maxAddresses: 2 };

describe("RateLimiter", () => {
  it("allows a burst, then refuses with the seconds until the next allowance", () => {
    const limiter = new RateLimiter(POLICY);
    expect([1, 2, 3].map(() => limiter.take("10.0.0.1", 0).allowed)).toEqual([true, true, true]);
    expect(limiter.take("10.0.0.1", 0)).toEqual({ allowed: false, retryAfterSeconds: 10 });
    expect(limiter.take("10.0.0.1", 4_000)).toEqual({ allowed: false, retryAfterSeconds: 6 });
    expect(limiter.take("10.0.0.1", 10_000)).toEqual({ allowed: true });
    expect(limiter.take("10.0.0.1", 10_000).allowed).toBe(false);
  });

  it("counts each address on its own", () => {
    const limiter = new RateLimiter({ ...POLICY, burst: 1 });
    expect(limiter.take("10.0.0.1", 0).allowed).toBe(true);
    expect(limiter.take("10.0.0.2", 0).allowed).toBe(true);
    expect(limiter.take("10.0.0.1", 0).allowed).toBe(false);
  });

  it("never refills past the burst however long a client waits", () => {
    const limiter = new RateLimiter(POLICY);
    limiter.take("10.0.0.1", 0);
    const afterAnHour = [1, 2, 3, 4].map(() => limiter.take("10.0.0.1", 3_600_000).allowed);
    expect(afterAnHour).toEqual([true, true, true, false]);
  });

  it("keeps at most maxAddresses, forgetting the least recently seen", () => {
    const limiter = new RateLimiter({ ...POLICY, burst: 1 });
    limiter.take("a", 0);
    limiter.take("b", 0);
    limiter.take("a", 0);
    limiter.take("c", 0);
    expect(limiter.size).toBe(2);
    expect(limiter.take("a", 0).allowed).toBe(false);
    expect(limiter.take("b", 0).allowed).toBe(true);
  });
});
