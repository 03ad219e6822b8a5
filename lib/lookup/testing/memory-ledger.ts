import type { LedgerTake, TurnLedger } from "../shared-pacer";
import type { RecordedTurn, TurnDecision } from "../turn-schedule";

/** A TurnLedger in memory: what the database edge does, for tests of the shared pacer's scheduling. */
export class MemoryTurnLedger implements TurnLedger {
  /** Every turn taken, oldest first, by budget. */
  readonly turns = new Map<string, (RecordedTurn & { id: string })[]>();
  private taken = 0;

  take(
    budget: string,
    now: number,
    leaseMs: number,
    decide: (recent: RecordedTurn[]) => TurnDecision,
  ): Promise<LedgerTake> {
    const turns = this.turns.get(budget) ?? [];
    const decision = decide(turns.slice().reverse());
    if (!decision.take) return Promise.resolve({ taken: false, waitMs: decision.waitMs });
    const id = `turn-${++this.taken}`;
    turns.push({ id, startedAt: decision.at, finishedAt: null, leaseUntil: decision.at + leaseMs });
    this.turns.set(budget, turns);
    return Promise.resolve({ taken: true, turnId: id, at: decision.at });
  }

  finish(turnId: string, now: number): Promise<void> {
    for (const turns of this.turns.values()) {
      const turn = turns.find((candidate) => candidate.id === turnId);
      if (turn) turn.finishedAt = now;
    }
    return Promise.resolve();
  }

  /** The start times of a budget's turns, oldest first. */
  startsOf(budget: string): number[] {
    return (this.turns.get(budget) ?? []).map((turn) => turn.startedAt);
  }
}
