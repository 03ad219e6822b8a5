import type { Clock } from "../lookup";
import type { SnapshotStore } from "./snapshots";

/** What the purge needs: the store, a clock to wait on and read, how often, and what to do with a failed round. */
export interface PurgeSchedule {
  store: Pick<SnapshotStore, "purgeExpired">;
  clock: Clock;
  intervalMs: number;
  signal: AbortSignal;
  /** A failed round (the database briefly away) is reported and the schedule goes on. */
  onError: (error: unknown) => void;
}

/**
 * Deletes expired snapshots now and then every `intervalMs` on `clock`, until `signal` aborts; resolves then.
 * Reads already hide expired snapshots, so the purge only reclaims space and never decides what is served.
 */
export async function runPurgeSchedule({ store, clock, intervalMs, signal, onError }: PurgeSchedule): Promise<void> {
  while (!signal.aborted) {
    try {
      await store.purgeExpired(new Date(clock.now()));
    } catch (error) {
      onError(error);
    }
    try {
      await clock.sleep(intervalMs, signal);
    } catch {
      return;
    }
  }
}
