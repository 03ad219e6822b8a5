import { abortReason, type Clock } from "./clock";

/** A request's turn; call `finished` when its answer (or failure) arrives. */
interface PacerSlot {
  finished(): void;
}

/** Hands out request turns so that the server never sees more requests than it allows. */
export interface Pacer {
  /**
   * Waits for the next turn of `client` (default: one anonymous client); rejects if the signal aborts while waiting.
   * One client's callers are served in order; different clients take turns.
   */
  acquire(signal?: AbortSignal, client?: string): Promise<PacerSlot>;
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

interface Waiter {
  grant(slot: PacerSlot): void;
  fail(error: Error): void;
}

/**
 * Paces requests for a server that allows `requestsPerSecond` in any one-second window, however
 * long each takes to arrive: starts are spaced evenly (500 ms at 2/s, never two at once), and a
 * request starts only a full window after the answer to the one `requestsPerSecond` turns earlier
 * came back — that answer came after its request arrived, so the server's window holds at most
 * the allowed number. Every scan of one Region shares this budget: each client has its own queue,
 * and a free turn goes to the clients in rotation, so a client with many requests waiting delays
 * another's next request by at most one turn per other waiting client.
 */
export function createPacer({ requestsPerSecond, marginMs, clock }: PacerOptions): Pacer {
  const spacing = WINDOW_MS / requestsPerSecond;
  const turns: Turn[] = [];
  let lastStart = -Infinity;
  /** Each client's waiters in arrival order; the map's order is the rotation (the next client to serve first). */
  const queues = new Map<string, Waiter[]>();
  let pumping = false;
  /** Aborted when every waiter has given up, so the pump stops waiting for a turn nobody wants. */
  let idle = new AbortController();

  const waitUntil = async (time: number, signal: AbortSignal) => {
    const wait = time - clock.now();
    if (wait > 0) await clock.sleep(wait, signal);
  };

  const nextTurnFree = async (signal: AbortSignal) => {
    await waitUntil(lastStart + spacing, signal);
    const windowOpener = turns.length >= requestsPerSecond ? turns[turns.length - requestsPerSecond] : undefined;
    if (windowOpener)
      await waitUntil((await abortable(windowOpener.finishedAt, signal)) + WINDOW_MS + marginMs, signal);
  };

  /** The first waiter of the client whose go it is; that client moves to the back of the rotation. */
  const nextWaiter = (): Waiter | undefined => {
    for (const [client, queue] of queues) {
      queues.delete(client);
      const waiter = queue.shift();
      if (queue.length > 0) queues.set(client, queue);
      return waiter;
    }
    return undefined;
  };

  const takeTurn = (): PacerSlot => {
    lastStart = clock.now();
    let finished!: (at: number) => void;
    turns.push({ finishedAt: new Promise<number>((resolve) => (finished = resolve)) });
    if (turns.length > requestsPerSecond) turns.shift();
    return { finished: () => finished(clock.now()) };
  };

  const pump = async () => {
    pumping = true;
    try {
      while (queues.size > 0) {
        if (idle.signal.aborted) idle = new AbortController();
        try {
          await nextTurnFree(idle.signal);
        } catch (error) {
          if (!idle.signal.aborted) throw error;
          continue;
        }
        // The waiter is chosen once the turn is free, so a client that arrived meanwhile gets its place in the rotation.
        nextWaiter()?.grant(takeTurn());
      }
    } finally {
      pumping = false;
    }
  };

  const failAll = (error: unknown) => {
    const waiting = [...queues.values()].flat();
    queues.clear();
    for (const waiter of waiting) waiter.fail(error instanceof Error ? error : new Error(String(error)));
  };

  return {
    acquire(signal, client = "") {
      return new Promise<PacerSlot>((resolve, reject) => {
        if (signal?.aborted) return reject(abortReason(signal));
        const onAbort = () => {
          const queue = queues.get(client) ?? [];
          queue.splice(queue.indexOf(waiter), 1);
          if (queue.length === 0) queues.delete(client);
          if (queues.size === 0) idle.abort();
          reject(abortReason(signal!));
        };
        const waiter: Waiter = {
          grant: (slot) => {
            signal?.removeEventListener("abort", onAbort);
            resolve(slot);
          },
          fail: (error) => {
            signal?.removeEventListener("abort", onAbort);
            reject(error);
          },
        };
        signal?.addEventListener("abort", onAbort, { once: true });
        const queue = queues.get(client);
        if (queue) queue.push(waiter);
        else queues.set(client, [waiter]);
        // The pump's waits reject only when it is idle: anything else is a bug, which every waiter then gets.
        if (!pumping) pump().catch((error: unknown) => failAll(error));
      });
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
