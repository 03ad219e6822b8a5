import { describe, expect, it } from "vitest";
import { createPacer } from "./pacer";
import { VirtualClock } from "./testing/virtual-clock";

describe("createPacer", () => {
  it("spaces starts evenly at the rate plus margin, never two at once", async () => {
    const clock = new VirtualClock(1_000);
    const pacer = createPacer({ requestsPerSecond: 2, marginMs: 10, clock });
    const starts: number[] = [];
    for (let index = 0; index < 6; index++) {
      await pacer.acquire();
      starts.push(clock.now());
    }
    expect(starts).toEqual([1000, 1505, 2010, 2515, 3020, 3525]);
  });

  it("lets a slow caller go at once when the slot is already free", async () => {
    const clock = new VirtualClock();
    const pacer = createPacer({ requestsPerSecond: 2, marginMs: 0, clock });
    await pacer.acquire();
    clock.advance(2_000);
    await pacer.acquire();
    expect(clock.now()).toBe(2_000);
  });

  it("shares one budget between concurrent callers, in order", async () => {
    const clock = new VirtualClock();
    const pacer = createPacer({ requestsPerSecond: 2, marginMs: 0, clock });
    const order: string[] = [];
    await Promise.all(["a", "b", "c", "d"].map(async (name) => pacer.acquire().then(() => order.push(`${name}@${clock.now()}`))));
    expect(order).toEqual(["a@0", "b@500", "c@1000", "d@1500"]);
  });

  it("rejects a waiting caller when its signal aborts, and keeps serving others", async () => {
    const clock = new VirtualClock();
    const pacer = createPacer({ requestsPerSecond: 2, marginMs: 0, clock });
    await pacer.acquire();
    const controller = new AbortController();
    controller.abort(new Error("cancelled"));
    await expect(pacer.acquire(controller.signal)).rejects.toThrow("cancelled");
    await expect(pacer.acquire()).resolves.toBeUndefined();
  });
});
