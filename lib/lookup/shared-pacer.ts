import type { Clock } from "./clock";
import { queuedPacer, type Pacer, type TurnGate } from "./pacer-queue";
import { scheduleTurn, type RecordedTurn, type TurnDecision } from "./turn-schedule";

/** What taking a turn from the ledger did: took it (its id, to finish it by, and when it starts), or found the budget busy for `waitMs`. */
export type LedgerTake = { taken: true; turnId: string; at: number } | { taken: false; waitMs: number };

/**
 * The record of a budget's turns that every replica shares (a database table, see lib/store). `take` must be atomic
 * across processes: it reads the budget's recent turns and, when `decide` says so, records a new one, as one
 * transaction holding the budget's lock.
 */
export interface TurnLedger {
  /**
   * Reads `budget`'s recent turns (newest first) and, if `decide` takes one, records it at the start it decides,
   * leased for `leaseMs` from then.
   */
  take(
    budget: string,
    now: number,
    leaseMs: number,
    decide: (recent: RecordedTurn[]) => TurnDecision,
  ): Promise<LedgerTake>;
  /** Records that the turn's answer came back at `now`. */
  finish(turnId: string, now: number): Promise<void>;
}

export interface SharedPacerOptions {
  ledger: TurnLedger;
  /** The budget's name: every process pacing the same account (or endpoint) and Region uses the same. */
  budget: string;
  requestsPerSecond: number;
  marginMs: number;
  /** How often to look again while another process's answer is outstanding. */
  pollMs: number;
  /** A turn in flight longer than this counts as answered (its holder died): at least the longest a request may take. */
  leaseMs: number;
  clock: Clock;
  /** A turn whose answer could not be recorded only holds the budget until its lease ends; it is reported here. */
  onFinishError: (error: unknown) => void;
}

/**
 * A pacer whose turns come from a ledger shared by every replica, so that together they keep to one budget with
 * the in-process pacer's guarantees (see `scheduleTurn`); within this process its clients take turns as in
 * `queuedPacer`, and across processes a free turn goes to whichever asks first. A ledger that fails rejects the
 * waiting callers with its error.
 */
export function createSharedPacer(options: SharedPacerOptions): Pacer {
  const { ledger, budget, clock } = options;
  const policy = { requestsPerSecond: options.requestsPerSecond, marginMs: options.marginMs, pollMs: options.pollMs };
  const gate: TurnGate = {
    async take(signal) {
      for (;;) {
        signal.throwIfAborted();
        const now = clock.now();
        const outcome = await ledger.take(budget, now, options.leaseMs, (recent) => scheduleTurn(recent, now, policy));
        if (!outcome.taken) {
          await clock.sleep(outcome.waitMs, signal);
          continue;
        }
        let done = false;
        // A turn booked ahead is answered, for the others, no earlier than it starts, even when it is given up unused.
        const finish = () => {
          if (done) return;
          done = true;
          ledger.finish(outcome.turnId, Math.max(clock.now(), outcome.at)).catch(options.onFinishError);
        };
        const wait = outcome.at - clock.now();
        if (wait > 0)
          await clock.sleep(wait, signal).catch((error: unknown) => {
            finish();
            throw error;
          });
        return { finished: finish };
      }
    },
  };
  return queuedPacer(gate);
}
