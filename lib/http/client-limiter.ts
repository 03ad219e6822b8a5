/** Counts each client's running work against a fixed maximum. */
export interface ClientLimiter {
  /** Takes one of `client`'s places, or null when it already has the maximum running. The release is idempotent. */
  tryEnter(client: string): (() => void) | null;
}

/** A limiter allowing `max` running pieces of work per client; it keeps an entry only for clients with work running. */
export function createClientLimiter(max: number): ClientLimiter {
  const running = new Map<string, number>();
  return {
    tryEnter(client) {
      const count = running.get(client) ?? 0;
      if (count >= max) return null;
      running.set(client, count + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const left = (running.get(client) ?? 1) - 1;
        if (left === 0) running.delete(client);
        else running.set(client, left);
      };
    },
  };
}
