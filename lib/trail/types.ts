import type { CloudTrailRecord } from "../parse";

/** How the trail data was wrapped, named after its first top-level value. */
export type TrailFormat = "trail-file" | "lookup-events" | "json-array" | "json-lines";

export type TrailErrorCode =
  | "trail.unrecognized"
  | "trail.record-too-large"
  | "trail.truncated"
  | "upload.inflated-too-large"
  | "upload.time-limit";

export interface TrailBatch {
  /**
   * Records that may be denials (those with an errorCode or errorMessage), and with `keepSuccesses` every other record
   * too, in the data's order, parsed and validated with cloudTrailRecordSchema.
   */
  records: CloudTrailRecord[];
  /** Compressed bytes consumed so far (what a progress bar against Content-Length needs). */
  bytesRead: number;
  /** Every record seen so far, denial or not, malformed ones included. */
  recordsScanned: number;
  /** Records skipped so far because they were not valid JSON / not CloudTrail records. */
  malformed: number;
}

export type TrailResult =
  | { ok: true; format: TrailFormat; recordsScanned: number; malformed: number }
  | { ok: false; error: { code: TrailErrorCode; message: string } };

export type TrailFailure = Extract<TrailResult, { ok: false }>;

export const DEFAULT_MAX_RECORD_BYTES = 8 * 1024 * 1024;

/**
 * The most bytes one upload may inflate to. A fixed figure, not a multiple of the compressed size: the
 * upload limit is 2 GiB by default, so any multiple would still let one request hold a core for minutes.
 * CloudTrail JSON compresses about 10–20×, so 1 GiB is a 50–100 MiB trail upload, read in about 10 s.
 */
export const MAX_INFLATED_BYTES = 1024 * 1024 * 1024;

/**
 * The most server time one upload may take, in ms: the time its reading and diagnosis run, not the time spent
 * waiting for the client's bytes. A 1 GiB (MAX_INFLATED_BYTES) trail is read in about 10 s, so this leaves room
 * for a loaded server while bounding what gzip members that inflate to nothing, or any other input, can cost.
 */
export const MAX_UPLOAD_WORK_MS = 60_000;

/** The clock an upload's server time is measured on, and the most it may take (MAX_UPLOAD_WORK_MS on the server). */
export interface WorkBudget {
  now: () => number;
  maxMs: number;
}
