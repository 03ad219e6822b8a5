import { describe, expect, it } from "vitest";
import { SlidingWindowLimiter } from "./rate-limit";

function limiterAt(limit: number): { limiter: SlidingWindowLimiter; at: (ms: number) => void } {
  let now = 0;
  return { limiter: new SlidingWindowLimiter(limit, () => now), at: (ms) => (now = ms) };
}

describe("SlidingWindowLimiter", () => {
  it("admits `limit` requests in any 1000 ms window", () => {
    const { limiter, at } = limiterAt(2);
    at(0);
    expect([limiter.tryAdmit("r"), limiter.tryAdmit("r"), limiter.tryAdmit("r")]).toEqual([true, true, false]);
    at(999);
    expect(limiter.tryAdmit("r")).toBe(false);
    at(1000);
    expect(limiter.tryAdmit("r")).toBe(true);
  });

  it("never refuses requests spaced 500 ms apart", () => {
    const { limiter, at } = limiterAt(2);
    for (let request = 0; request < 20; request++) {
      at(request * 500);
      expect(limiter.tryAdmit("r")).toBe(true);
    }
  });

  it("does not let refused requests use up the window", () => {
    const { limiter, at } = limiterAt(1);
    at(0);
    limiter.tryAdmit("r");
    at(600);
    expect(limiter.tryAdmit("r")).toBe(false);
    at(1001);
    expect(limiter.tryAdmit("r")).toBe(true);
  });

  it("counts each key on its own and forgets everything on reset", () => {
    const { limiter, at } = limiterAt(1);
    at(0);
    expect([limiter.tryAdmit("us-east-1"), limiter.tryAdmit("eu-west-1"), limiter.tryAdmit("us-east-1")]).toEqual([
      true,
      true,
      false,
    ]);
    limiter.reset();
    expect(limiter.tryAdmit("us-east-1")).toBe(true);
  });

  it("takes Infinity for no limit and refuses limits that are not whole numbers", () => {
    const limiter = new SlidingWindowLimiter(Number.POSITIVE_INFINITY);
    expect(Array.from({ length: 100 }, () => limiter.tryAdmit("r")).every(Boolean)).toBe(true);
    for (const bad of [0, -1, 1.5, Number.NaN]) expect(() => new SlidingWindowLimiter(bad)).toThrow(RangeError);
  });
});
