import type { CloudTrailRecord } from "../parse";

/** How the trail data was wrapped, named after its first top-level value. */
export type TrailFormat = "trail-file" | "lookup-events" | "json-array" | "json-lines";

export type TrailErrorCode = "trail.unrecognized" | "trail.record-too-large" | "trail.truncated";

export interface TrailBatch {
  /** Records that may be denials (those with an errorCode or errorMessage), parsed and validated with cloudTrailRecordSchema. */
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
