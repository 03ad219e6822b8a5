import type { SnapshotExpiry } from "../wire";

const DAY_MS = 24 * 60 * 60 * 1000;

const LIFETIME_MS: Record<SnapshotExpiry, number | null> = {
  "1d": DAY_MS,
  "7d": 7 * DAY_MS,
  "30d": 30 * DAY_MS,
  never: null,
};

/** When a snapshot made at `createdAt` with the given expiry stops being served; null for "never". */
export function expiresAt(createdAt: Date, expiry: SnapshotExpiry): Date | null {
  const lifetime = LIFETIME_MS[expiry];
  return lifetime === null ? null : new Date(createdAt.getTime() + lifetime);
}
