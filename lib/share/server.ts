import "server-only";
import { diagnose } from "../catalog";
import { systemClock } from "../lookup";
import { ok, type Result } from "../result";
import {
  processRateLimit,
  PURGE_INTERVAL_MS,
  sharedRateLimit,
  type RateLimit,
  SHARE_BURST,
  SHARE_LIMITER_ADDRESSES,
  SHARE_REFILL_PER_MINUTE,
  systemRandom,
} from "../snapshot";
import { runPurgeSchedule, type StoreErrorCode } from "../store";
import { processStore } from "../store/process";
import { createRedactor } from "../redact";
import type { SharingDeps } from "./snapshots";

/** The server's sharing: its dependencies and the per-address limit on creating snapshots (shared by replicas). */
export interface Sharing {
  deps: SharingDeps;
  limiter: RateLimit;
}

/** One per process, kept on globalThis so `next dev` reloads do not open the embedded database twice. */
const holder = globalThis as { whydeniedSharing?: Promise<Result<Sharing, StoreErrorCode>> };

async function start(): Promise<Result<Sharing, StoreErrorCode>> {
  const opened = await processStore();
  if (!opened.ok) return opened;
  const { kind, shared } = opened.value;
  const store = opened.value.snapshots;
  const policy = {
    burst: SHARE_BURST,
    refillPerMinute: SHARE_REFILL_PER_MINUTE,
    maxAddresses: SHARE_LIMITER_ADDRESSES,
  };
  void runPurgeSchedule({
    store,
    clock: systemClock,
    intervalMs: PURGE_INTERVAL_MS,
    signal: new AbortController().signal,
    onError: (error) =>
      console.error(`[snapshots] purge failed: ${error instanceof Error ? error.message : "unknown"}`),
  });
  return ok({
    deps: {
      store,
      now: () => new Date(systemClock.now()),
      random: systemRandom,
      diagnose,
      newRedactor: createRedactor,
    },
    // Replicas on one PostgreSQL share the allowance; the embedded store has one process, which keeps it in memory.
    limiter: kind === "postgres" ? sharedRateLimit(shared.rateBuckets, "snapshots", policy) : processRateLimit(policy),
  });
}

/**
 * The process's sharing, opened on first use (and at start-up by instrumentation.ts): the configured store, migrated,
 * with its purge running. A failed opening is not kept, so the next request tries again.
 */
export function sharing(): Promise<Result<Sharing, StoreErrorCode>> {
  // processStore turns an unreachable database into a value; a failed opening is dropped so the next call retries.
  holder.whydeniedSharing ??= start().then((result) => {
    if (!result.ok) holder.whydeniedSharing = undefined;
    return result;
  });
  return holder.whydeniedSharing;
}
