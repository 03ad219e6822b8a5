import { abortReason } from "./clock";

/** A request's turn; call `finished` when its answer (or failure) arrives. */
export interface PacerSlot {
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

/** Where turns come from: the process's own record of them, or one shared by every replica. */
export interface TurnGate {
  /** Waits until the budget has a free turn and takes it; rejects when the signal aborts first. */
  take(signal: AbortSignal): Promise<PacerSlot>;
}

interface Waiter {
  grant(slot: PacerSlot): void;
  fail(error: Error): void;
}

/**
 * A pacer handing the turns of `gate` to this process's callers: each client has its own queue, and a free turn goes
 * to the clients in rotation, so a client with many requests waiting delays another's next request by at most one
 * turn per other waiting client. Only while someone waits does it ask the gate for a turn.
 */
export function queuedPacer(gate: TurnGate): Pacer {
  /** Each client's waiters in arrival order; the map's order is the rotation (the next client to serve first). */
  const queues = new Map<string, Waiter[]>();
  let pumping = false;
  /** Aborted when every waiter has given up, so the pump stops waiting for a turn nobody wants. */
  let idle = new AbortController();

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

  const pump = async () => {
    pumping = true;
    try {
      while (queues.size > 0) {
        if (idle.signal.aborted) idle = new AbortController();
        let slot: PacerSlot;
        try {
          slot = await gate.take(idle.signal);
        } catch (error) {
          if (!idle.signal.aborted) throw error;
          continue;
        }
        // The waiter is chosen once the turn is free, so a client that arrived meanwhile gets its place in the rotation.
        const waiter = nextWaiter();
        if (waiter) waiter.grant(slot);
        else slot.finished();
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
        // The pump's waits reject only when it is idle: anything else (a bug, the shared gate's database gone) every
        // waiter then gets.
        if (!pumping) pump().catch((error: unknown) => failAll(error));
      });
    },
  };
}
