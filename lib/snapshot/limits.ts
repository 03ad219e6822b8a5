/**
 * Largest `POST /api/snapshots` body: a lookup's 2,000 groups (200 with a full finding) and 1,000 denied events fit
 * with room to spare; anything larger is refused with 413 before it is parsed.
 */
export const MAX_SNAPSHOT_BODY_BYTES = 8 * 1024 * 1024;

/** Snapshots one client address may create in a burst, and how fast that allowance comes back. */
export const SHARE_BURST = 20;
export const SHARE_REFILL_PER_MINUTE = 10;

/** Client addresses the rate limiter remembers at once; the least recently seen is forgotten first. */
export const SHARE_LIMITER_ADDRESSES = 10_000;

/** How often expired snapshots are deleted from the store. */
export const PURGE_INTERVAL_MS = 60 * 60 * 1000;
