import { abortReason, type Clock } from "./clock";
import { queuedPacer, type Pacer, type PacerSlot, type TurnGate } from "./pacer-queue";
import { WINDOW_MS } from "./turn-schedule";

export type { Pacer } from "./pacer-queue";

export interface PacerOptions {
  requestsPerSecond: number;
  /** Extra room per window so that timer and network jitter never land a request inside it. */
  marginMs: number;
  clock: Clock;
}

interface Turn {
  finishedAt: Promise<number>;
}

/**
 * Paces requests for a server that allows `requestsPerSecond` in any one-second window, however
 * long each takes to arrive: starts are spaced evenly (500 ms at 2/s, never two at once), and a
 * request starts only a full window after the answer to the one `requestsPerSecond` turns earlier
 * came back — that answer came after its request arrived, so the server's window holds at most
 * the allowed number. Every scan of one Region in this process shares this budget, its clients in
 * rotation (see `queuedPacer`).
 */
export function createPacer({ requestsPerSecond, marginMs, clock }: PacerOptions): Pacer {
  return queuedPacer(processTurnGate({ requestsPerSecond, marginMs, clock }));
}

/** The turns of one process, remembered in memory: each turn's answer is a promise the next turns wait on. */
function processTurnGate({ requestsPerSecond, marginMs, clock }: PacerOptions): TurnGate {
  const spacing = WINDOW_MS / requestsPerSecond;
  const turns: Turn[] = [];
  let lastStart = -Infinity;

  const waitUntil = async (time: number, signal: AbortSignal) => {
    const wait = time - clock.now();
    if (wait > 0) await clock.sleep(wait, signal);
  };

  const takeTurn = (): PacerSlot => {
    lastStart = clock.now();
    let finished!: (at: number) => void;
    turns.push({ finishedAt: new Promise<number>((resolve) => (finished = resolve)) });
    if (turns.length > requestsPerSecond) turns.shift();
    return { finished: () => finished(clock.now()) };
  };

  return {
    async take(signal) {
      await waitUntil(lastStart + spacing, signal);
      const windowOpener = turns.length >= requestsPerSecond ? turns[turns.length - requestsPerSecond] : undefined;
      if (windowOpener)
        await waitUntil((await abortable(windowOpener.finishedAt, signal)) + WINDOW_MS + marginMs, signal);
      signal.throwIfAborted();
      return takeTurn();
    },
  };
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortReason(signal));
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: Error) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}
