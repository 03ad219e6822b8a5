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

  it("serves clients in turn: B's first request goes within one turn although A has 20 queued", async () => {
    const clock = new VirtualClock();
    const pacer = createPacer({ requestsPerSecond: 2, marginMs: 10, clock });
    const served: string[] = [];
    const request = async (client: string, index: number) => {
      const slot = await pacer.acquire(undefined, client);
      served.push(`${client}${index}`);
      slot.finished();
    };
    const lookups = Array.from({ length: 20 }, (_, index) => request("A", index));
    lookups.push(request("B", 0));
    await Promise.all(lookups);
    expect(served.indexOf("B0")).toBeLessThanOrEqual(1);
    expect(served.filter((name) => name.startsWith("A"))).toEqual(
      Array.from({ length: 20 }, (_, index) => `A${index}`),
    );
  });

  it("alternates between clients that both keep requests waiting", async () => {
    const clock = new VirtualClock();
    const pacer = createPacer({ requestsPerSecond: 2, marginMs: 0, clock });
    const served: string[] = [];
    await Promise.all(
      ["A", "A", "A", "B", "B", "B", "C"].map(async (client) => {
        const slot = await pacer.acquire(undefined, client);
        served.push(client);
        slot.finished();
      }),
    );
    expect(served.join("")).toBe("ABCABAB");
  });

  it("stops waiting when every waiter gives up, and serves the next caller on time", async () => {
    const clock = new VirtualClock();
    const pacer = createPacer({ requestsPerSecond: 1, marginMs: 10, clock });
    const held = await pacer.acquire(undefined, "A");
    const giveUp = new AbortController();
    const waiting = pacer.acquire(giveUp.signal, "B");
    giveUp.abort(new Error("left"));
    await expect(waiting).rejects.toThrow("left");
    clock.advance(300);
    const answeredAt = clock.now();
    held.finished();
    await pacer.acquire(undefined, "C");
    expect(clock.now()).toBe(answeredAt + 1000 + 10);
  });
});
