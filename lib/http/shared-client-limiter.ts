import type { Clock } from "../lookup";
import type { ClientSlotStore } from "../store";

/** Counts each client's running work against a fixed maximum, across every replica sharing the store. */
export interface SharedClientLimiter {
  /** Takes one of `client`'s places, or null when it already has the maximum running. The release is idempotent. */
  tryEnter(client: string): Promise<(() => void) | null>;
}

interface SharedClientLimiterOptions {
  slots: ClientSlotStore;
  /** What the places are for ("lookup", "upload"): each kind has its own maximum. */
  kind: string;
  max: number;
  clock: Clock;
  /** How long a place outlives its replica: renewed every third of it while the work runs. */
  leaseMs: number;
  /** A renewal or release that failed (the database briefly away): the lease then lapses on its own. */
  onError: (error: unknown) => void;
}

/**
 * A limiter allowing `max` running pieces of work per client over all replicas: each place is a leased row, renewed
 * while the work runs and deleted when it ends, so a replica that is killed gives its clients' places back once their
 * leases lapse.
 */
export function sharedClientLimiter({
  slots,
  kind,
  max,
  clock,
  leaseMs,
  onError,
}: SharedClientLimiterOptions): SharedClientLimiter {
  return {
    async tryEnter(client) {
      const id = await slots.tryEnter(kind, client, max, new Date(clock.now()), new Date(clock.now() + leaseMs));
      if (id === null) return null;
      const held = new AbortController();
      void (async () => {
        for (;;) {
          try {
            await clock.sleep(leaseMs / 3, held.signal);
          } catch {
            return;
          }
          await slots.renew(id, new Date(clock.now() + leaseMs)).catch(onError);
        }
      })();
      return () => {
        if (held.signal.aborted) return;
        held.abort();
        slots.release(id).catch(onError);
      };
    },
  };
}
