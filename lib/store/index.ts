export { storeConfigOf, type StoreConfig } from "./config";
export { openStore, type Store, type StoreErrorCode } from "./open";
export { runPurgeSchedule } from "./purge";
export type { DeleteOutcome, SnapshotRecord, SnapshotStore } from "./snapshots";
export type { ClientSlotStore } from "./client-slots";
export type { RateBucketStore } from "./rate-buckets";
export type { SealedCredentialStore } from "./session-credentials";
