import { describe, expect, it } from "vitest";
import { VirtualClock } from "../lookup/testing/virtual-clock";
import { runPurgeSchedule } from "./purge";

const HOUR = 3_600_000;

describe("runPurgeSchedule", () => {
  it("purges at once, then every interval on the clock, with the clock's time, until stopped", async () => {
    const clock = new VirtualClock(Date.parse("2026-12-01T00:00:00Z"));
    const controller = new AbortController();
    const purgedAt: string[] = [];
    const store = {
      purgeExpired: (now: Date) => {
        purgedAt.push(now.toISOString());
        if (purgedAt.length === 3) controller.abort();
        return Promise.resolve(0);
      },
    };
    await runPurgeSchedule({ store, clock, intervalMs: HOUR, signal: controller.signal, onError: () => undefined });
    expect(purgedAt).toEqual(["2026-12-01T00:00:00.000Z", "2026-12-01T01:00:00.000Z", "2026-12-01T02:00:00.000Z"]);
  });

  it("reports a failed round and goes on", async () => {
    const clock = new VirtualClock(0);
    const controller = new AbortController();
    const errors: unknown[] = [];
    let rounds = 0;
    const store = {
      purgeExpired: () => {
        rounds++;
        if (rounds === 2) controller.abort();
        return rounds === 1 ? Promise.reject(new Error("connection reset")) : Promise.resolve(4);
      },
    };
    await runPurgeSchedule({
      store,
      clock,
      intervalMs: HOUR,
      signal: controller.signal,
      onError: (e) => errors.push(e),
    });
    expect(rounds).toBe(2);
    expect(errors).toEqual([new Error("connection reset")]);
  });
});
