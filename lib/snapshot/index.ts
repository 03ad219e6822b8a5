export { compareFindings, type DiagnosisComparison } from "./compare";
export { expiresAt } from "./expiry";
export { isSnapshotId, newDeleteToken, newSnapshotId, systemRandom, type RandomSource } from "./ids";
export {
  MAX_SNAPSHOT_BODY_BYTES,
  PURGE_INTERVAL_MS,
  SHARE_BURST,
  SHARE_LIMITER_ADDRESSES,
  SHARE_REFILL_PER_MINUTE,
} from "./limits";
export { processRateLimit, RateLimiter, sharedRateLimit, type RateLimit } from "./rate-limit";
