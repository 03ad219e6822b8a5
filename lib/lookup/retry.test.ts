import { describe, expect, it } from "vitest";
import { fail, ok } from "../result";
import { backoffDelay, withRetry, type RetryPolicy } from "./retry";
import { VirtualClock } from "./testing/virtual-clock";

const policy: RetryPolicy = { attempts: 4, baseDelayMs: 500, maxDelayMs: 3000, random: () => 0.5 };

describe("withRetry", () => {
  it("retries retryable failures with growing, capped delays, then succeeds", async () => {
    const clock = new VirtualClock();
    const answers = [fail("lookup.throttled", "slow down"), fail("lookup.unavailable", "503"), ok("page")];
    const retried: string[] = [];
    const result = await withRetry(() => Promise.resolve(answers.shift()!), {
      policy,
      clock,
      isRetryable: () => true,
      onRetry: (error) => retried.push(error.code),
    });
    expect(result).toEqual(ok("page"));
    expect(retried).toEqual(["lookup.throttled", "lookup.unavailable"]);
    expect(clock.now()).toBe(backoffDelay(0, policy) + backoffDelay(1, policy));
    expect([0, 1, 2, 3, 4].map((attempt) => backoffDelay(attempt, policy))).toEqual([375, 750, 1500, 2250, 2250]);
  });

  it("gives up after the last attempt and returns the last failure", async () => {
    let calls = 0;
    const result = await withRetry(() => (calls++, Promise.resolve(fail("lookup.unavailable", "503"))), {
      policy,
      clock: new VirtualClock(),
      isRetryable: () => true,
    });
    expect(calls).toBe(4);
    expect(result).toEqual(fail("lookup.unavailable", "503"));
  });

  it("does not retry what cannot get better", async () => {
    let calls = 0;
    const result = await withRetry(() => (calls++, Promise.resolve(fail("lookup.denied", "no"))), {
      policy,
      clock: new VirtualClock(),
      isRetryable: (code) => code !== "lookup.denied",
    });
    expect(calls).toBe(1);
    expect(result.ok).toBe(false);
  });
});
