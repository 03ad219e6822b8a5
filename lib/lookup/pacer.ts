import { abortReason, type Clock } from "./clock";

/** A request's turn; call `finished` when its answer (or failure) arrives. */
interface PacerSlot {
  finished(): void;
}

/** Hands out request turns so that the server never sees more requests than it allows. */
export interface Pacer {
  /** Waits for the next turn; rejects if the signal aborts while waiting. */
  acquire(signal?: AbortSignal): Promise<PacerSlot>;
}

export interface PacerOptions {
  requestsPerSecond: number;
  /** Extra room per window so that timer and network jitter never land a request inside it. */
  marginMs: number;
  clock: Clock;
}

const WINDOW_MS = 1000;

interface Turn {
  finishedAt: Promise<number>;
}

/**
 * Paces requests for a server that allows `requestsPerSecond` in any one-second window, however
 * long each takes to arrive: starts are spaced evenly (500 ms at 2/s, never two at once), and a
 * request starts only a full window after the answer to the one `requestsPerSecond` turns earlier
 * came back — that answer came after its request arrived, so the server's window holds at most
 * the allowed number. Callers queue in order, so every scan of one Region shares its budget.
 */
export function createPacer({ requestsPerSecond, marginMs, clock }: PacerOptions): Pacer {
  const spacing = WINDOW_MS / requestsPerSecond;
  const turns: Turn[] = [];
  let lastStart = -Infinity;
  let queue: Promise<unknown> = Promise.resolve();

  const waitUntil = async (time: number, signal?: AbortSignal) => {
    const wait = time - clock.now();
    if (wait > 0) await clock.sleep(wait, signal);
  };

  const takeTurn = async (signal?: AbortSignal): Promise<PacerSlot> => {
    signal?.throwIfAborted();
    await waitUntil(lastStart + spacing, signal);
    const windowOpener = turns.length >= requestsPerSecond ? turns[turns.length - requestsPerSecond] : undefined;
    if (windowOpener)
      await waitUntil((await abortable(windowOpener.finishedAt, signal)) + WINDOW_MS + marginMs, signal);
    lastStart = clock.now();
    let finished!: (at: number) => void;
    turns.push({ finishedAt: new Promise<number>((resolve) => (finished = resolve)) });
    if (turns.length > requestsPerSecond) turns.shift();
    return { finished: () => finished(clock.now()) };
  };

  return {
    acquire(signal) {
      const turn = queue.then(() => takeTurn(signal));
      queue = turn.catch(() => undefined);
      return turn;
    },
  };
}

function abortable<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
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
