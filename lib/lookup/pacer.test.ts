import { describe, expect, it } from "vitest";
import { createPacer } from "./pacer";
import { VirtualClock } from "./testing/virtual-clock";

describe("createPacer", () => {
  it("spaces starts evenly and keeps each window a margin wide when answers are instant", async () => {
    const clock = new VirtualClock(1_000);
    const pacer = createPacer({ requestsPerSecond: 2, marginMs: 10, clock });
    const starts: number[] = [];
    for (let index = 0; index < 6; index++) {
      const slot = await pacer.acquire();
      starts.push(clock.now());
      slot.finished();
    }
    expect(starts).toEqual([1000, 1500, 2010, 2510, 3020, 3520]);
  });

  it("counts the window from the earlier answer, so slow arrivals never crowd the server", async () => {
    const clock = new VirtualClock();
    const pacer = createPacer({ requestsPerSecond: 2, marginMs: 10, clock });
    const first = await pacer.acquire();
    clock.advance(300);
    first.finished();
    const second = await pacer.acquire();
    expect(clock.now()).toBe(500);
    second.finished();
    await pacer.acquire();
    expect(clock.now()).toBe(300 + 1000 + 10);
  });

  it("lets a caller go at once when the turn is already free", async () => {
    const clock = new VirtualClock();
    const pacer = createPacer({ requestsPerSecond: 2, marginMs: 0, clock });
    (await pacer.acquire()).finished();
    clock.advance(2_000);
    await pacer.acquire();
    expect(clock.now()).toBe(2_000);
  });

  it("shares one budget between concurrent callers, in order", async () => {
    const clock = new VirtualClock();
    const pacer = createPacer({ requestsPerSecond: 2, marginMs: 0, clock });
    const order: string[] = [];
    await Promise.all(
      ["a", "b", "c", "d"].map(async (name) => {
        const slot = await pacer.acquire();
        order.push(`${name}@${clock.now()}`);
        slot.finished();
      }),
    );
    expect(order).toEqual(["a@0", "b@500", "c@1000", "d@1500"]);
  });

  it("rejects a waiting caller when its signal aborts, and keeps serving others", async () => {
    const clock = new VirtualClock();
    const pacer = createPacer({ requestsPerSecond: 2, marginMs: 0, clock });
    (await pacer.acquire()).finished();
    const controller = new AbortController();
    controller.abort(new Error("cancelled"));
    await expect(pacer.acquire(controller.signal)).rejects.toThrow("cancelled");
    await expect(pacer.acquire()).resolves.toBeDefined();
  });
});
