import { describe, expect, it, vi } from "vitest";
import { HeldClock } from "../local-aws/testing/held-clock";
import type { Clock } from "./clock";
import { createSharedPacer, type SharedPacerOptions, type TurnLedger } from "./shared-pacer";
import { MemoryTurnLedger } from "./testing/memory-ledger";
import { VirtualClock } from "./testing/virtual-clock";

const BUDGET = "123456789012 us-east-1";

/** LookupEvents' budget of 2/s with the app's margin, on `ledger` and `clock`; `change` overrides any of it. */
function pacerOn(ledger: TurnLedger, clock: Clock, change: Partial<SharedPacerOptions> = {}) {
  return createSharedPacer({
    ledger,
    budget: BUDGET,
    requestsPerSecond: 2,
    marginMs: 10,
    pollMs: 25,
    leaseMs: 35_000,
    clock,
    onFinishError: () => undefined,
    ...change,
  });
}

function replicas(count: number, clock: Clock, change: Partial<SharedPacerOptions> = {}) {
  const ledger = new MemoryTurnLedger();
  const errors: unknown[] = [];
  const pacers = Array.from({ length: count }, () =>
    pacerOn(ledger, clock, { onFinishError: (error) => errors.push(error), ...change }),
  );
  return { ledger, pacers, errors };
}

describe("createSharedPacer", () => {
  it("paces two replicas as one: the same starts as one in-process pacer when answers are instant", async () => {
    const clock = new VirtualClock(1_000);
    const { ledger, pacers } = replicas(2, clock);
    for (let index = 0; index < 6; index++) (await pacers[index % 2]!.acquire()).finished();
    expect(ledger.startsOf(BUDGET)).toEqual([1000, 1500, 2010, 2510, 3020, 3520]);
  });

  it("counts the window from the answer another replica recorded", async () => {
    const clock = new VirtualClock();
    const { ledger, pacers } = replicas(2, clock);
    const [a, b] = pacers as [(typeof pacers)[0], (typeof pacers)[0]];
    const first = await a.acquire();
    clock.advance(300);
    first.finished();
    (await b.acquire()).finished();
    (await b.acquire()).finished();
    expect(ledger.startsOf(BUDGET)).toEqual([0, 500, 300 + 1000 + 10]);
  });

  it("does not wait forever for a replica that died holding a turn: its lease ends the wait", async () => {
    const clock = new VirtualClock();
    const { ledger, pacers } = replicas(2, clock, { leaseMs: 5_000 });
    await pacers[0]!.acquire();
    (await pacers[1]!.acquire()).finished();
    (await pacers[1]!.acquire()).finished();
    expect(ledger.startsOf(BUDGET)).toEqual([0, 500, 5_000 + 1000 + 10]);
  });

  it("keeps budgets apart", async () => {
    const clock = new VirtualClock();
    const { ledger, pacers } = replicas(1, clock);
    const other = pacerOn(ledger, clock, { budget: "123456789012 eu-west-1" });
    (await pacers[0]!.acquire()).finished();
    (await other.acquire()).finished();
    expect(ledger.startsOf("123456789012 eu-west-1")).toEqual([0]);
    expect(clock.now()).toBe(0);
  });

  it("serves a replica's own clients in turn", async () => {
    const clock = new VirtualClock();
    const { pacers } = replicas(1, clock);
    const served: string[] = [];
    await Promise.all(
      ["A", "A", "A", "B", "B", "C"].map(async (client) => {
        const slot = await pacers[0]!.acquire(undefined, client);
        served.push(client);
        slot.finished();
      }),
    );
    expect(served.join("")).toBe("ABCABA");
  });

  it("rejects waiting callers with the ledger's error when the database fails", async () => {
    const clock = new VirtualClock();
    const failing = {
      take: () => Promise.reject(new Error("connection refused")),
      finish: () => Promise.resolve(),
    };
    const pacer = pacerOn(failing, clock);
    await expect(pacer.acquire()).rejects.toThrow("connection refused");
  });

  it("reports an answer it could not record, once however often the slot is finished", async () => {
    const clock = new VirtualClock();
    const { ledger, pacers, errors } = replicas(1, clock);
    ledger.finish = () => Promise.reject(new Error("database gone"));
    const slot = await pacers[0]!.acquire();
    slot.finished();
    slot.finished();
    await Promise.resolve();
    await Promise.resolve();
    expect(errors).toEqual([new Error("database gone")]);
  });
});

describe("a turn booked ahead", () => {
  it("is waited for before it is handed out, and counts as answered at its start when given up unused", async () => {
    const clock = new HeldClock(0);
    const { ledger, pacers } = replicas(2, clock);
    const held = await pacers[0]!.acquire();
    const giveUp = new AbortController();
    const sleeping = clock.nextSleep();
    const waiting = pacers[1]!.acquire(giveUp.signal);
    expect(await sleeping).toBe(500);
    giveUp.abort(new Error("left"));
    await expect(waiting).rejects.toThrow("left");
    await vi.waitFor(() => expect(ledger.turns.get(BUDGET)?.[1]).toMatchObject({ startedAt: 500, finishedAt: 500 }));
    held.finished();
  });
});
