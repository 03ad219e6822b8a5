import { describe, expect, it } from "vitest";
import { scheduleTurn, type RecordedTurn } from "./turn-schedule";

const POLICY = { requestsPerSecond: 2, marginMs: 10, pollMs: 25 };

const turn = (startedAt: number, finishedAt: number | null, leaseUntil = startedAt + 35_000): RecordedTurn => ({
  startedAt,
  finishedAt,
  leaseUntil,
});

describe("scheduleTurn", () => {
  it.each([
    ["no turn yet: now", [], 0, { take: true, at: 0 }],
    ["half a second after the last start: now", [turn(0, 5)], 500, { take: true, at: 500 }],
    ["too soon after the last start: booked for the spacing", [turn(0, 5)], 200, { take: true, at: 500 }],
    [
      "booked a full window plus the margin after the answer two turns back",
      [turn(500, 505), turn(0, 300)],
      1000,
      { take: true, at: 1310 },
    ],
    ["that window is over: now", [turn(500, 505), turn(0, 300)], 1400, { take: true, at: 1400 }],
    [
      "after a turn booked ahead: booked its spacing later",
      [turn(1310, null), turn(500, 505)],
      1000,
      { take: true, at: 1810 },
    ],
  ] as const)("%s", (_, recent, now, decision) => {
    expect(scheduleTurn(recent, now, POLICY)).toEqual(decision);
  });

  it("waits for the earliest instant an outstanding answer could allow, then polls for it", () => {
    const recent = [turn(500, 505), turn(0, null)];
    expect(scheduleTurn(recent, 600, POLICY)).toEqual({ take: false, waitMs: 410 });
    expect(scheduleTurn(recent, 1010, POLICY)).toEqual({ take: false, waitMs: 25 });
  });

  it("counts a turn whose lease ran out as answered when the lease ended", () => {
    const recent = [turn(500, 505), turn(0, null, 5_000)];
    expect(scheduleTurn(recent, 4_990, POLICY)).toEqual({ take: false, waitMs: 10 });
    expect(scheduleTurn(recent, 5_000, POLICY)).toEqual({ take: true, at: 6_010 });
  });

  it("at a rate of one, the window opener is the last turn", () => {
    const policy = { ...POLICY, requestsPerSecond: 1 };
    expect(scheduleTurn([turn(0, 200)], 1000, policy)).toEqual({ take: true, at: 1210 });
  });
});
