import type { Clock } from "./clock";

/** Hands out request start times no closer together than the rate limit allows. */
export interface Pacer {
  /** Waits for the next free slot; rejects if the signal aborts while waiting. */
  acquire(signal?: AbortSignal): Promise<void>;
}

export interface PacerOptions {
  requestsPerSecond: number;
  /** Extra room per second so that network jitter never lands a request inside the server's window. */
  marginMs: number;
  clock: Clock;
}

/**
 * Spaces request starts evenly (500 ms apart, plus margin, at 2 requests/s) rather than letting
 * two go at once: an even pace never trips a sliding window or a token bucket. Callers queue in
 * order, so every scan of one Region shares that Region's budget.
 */
export function createPacer({ requestsPerSecond, marginMs, clock }: PacerOptions): Pacer {
  const interval = (1000 + marginMs) / requestsPerSecond;
  let lastStart = -Infinity;
  let queue: Promise<void> = Promise.resolve();

  const takeSlot = async (signal?: AbortSignal) => {
    signal?.throwIfAborted();
    const wait = lastStart + interval - clock.now();
    if (wait > 0) await clock.sleep(wait, signal);
    lastStart = Math.max(clock.now(), lastStart + interval);
  };

  return {
    acquire(signal) {
      const slot = queue.then(() => takeSlot(signal));
      queue = slot.catch(() => undefined);
      return slot;
    },
  };
}
