import type { TrailErrorCode, TrailFailure } from "./types";

const EXPECTED = 'expected {"Records": […]}, lookup-events output, a JSON array or JSON Lines of CloudTrail records.';

function failure(code: TrailErrorCode, message: string): TrailFailure {
  return { ok: false, error: { code, message } };
}

/** The data has no JSON value at all. */
export function emptyInput(): TrailFailure {
  return failure("trail.unrecognized", `This file is empty: ${EXPECTED}`);
}

/** The data is something other than CloudTrail; `start` is its first bytes, to say what it looks like. */
export function notCloudTrail(start: Uint8Array): TrailFailure {
  return failure("trail.unrecognized", `This is not CloudTrail data: ${EXPECTED} ${describeStart(start)}`);
}

/** Not one record in the data was valid JSON. */
export function noValidRecords(count: number): TrailFailure {
  const records = count === 1 ? "its one record is not" : `none of its ${count.toLocaleString("en")} records is`;
  return failure("trail.unrecognized", `This is not CloudTrail data: ${records} valid JSON; ${EXPECTED}`);
}

export function recordTooLarge(maxBytes: number): TrailFailure {
  return failure(
    "trail.record-too-large",
    `A record is larger than ${formatBytes(maxBytes)}, far more than CloudTrail writes: the file is damaged or is not CloudTrail data.`,
  );
}

export function truncatedData(recordsScanned: number): TrailFailure {
  return failure(
    "trail.truncated",
    `The data ends in the middle of a record, after ${recordsScanned.toLocaleString("en")} complete records: ` +
      "the file was cut short (an interrupted download or upload?) or is not valid JSON.",
  );
}

export function truncatedGzip(): TrailFailure {
  return failure(
    "trail.truncated",
    "The gzip data ends early: the file was cut short (an interrupted download or upload?).",
  );
}

/** The gzip data inflates past the cap: a decompression bomb, or far more than a trail upload holds. */
export function inflatedTooLarge(maxBytes: number): TrailFailure {
  return failure(
    "upload.inflated-too-large",
    `The file decompresses to more than ${formatBytes(maxBytes)}, the limit for one upload: split it into smaller files.`,
  );
}

/** Reading the upload took more server time than `maxMs` allows. */
export function workTooLong(maxMs: number): TrailFailure {
  return failure(
    "upload.time-limit",
    `Reading this file took more than ${maxMs / 1000} s of server time, the limit for one upload: split it into smaller files.`,
  );
}

export function damagedGzip(reason: string): TrailFailure {
  return failure("trail.unrecognized", `The gzip data is damaged and cannot be decompressed (${reason}).`);
}

const SHOWN_BYTES = 40;

function describeStart(start: Uint8Array): string {
  const shown = start.subarray(0, SHOWN_BYTES);
  const printable = shown.every(
    (byte) => (byte >= 0x20 && byte < 0x7f) || byte === 0x0a || byte === 0x0d || byte === 0x09 || byte >= 0x80,
  );
  if (!printable) return "It is binary data, not text.";
  const text = new TextDecoder().decode(shown).replace(/\s+/g, " ").trim();
  return `It starts with: ${text}${start.length > SHOWN_BYTES ? "…" : ""}`;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / (1024 * 1024)).toLocaleString("en")} MiB`
    : `${bytes.toLocaleString("en")} bytes`;
}
