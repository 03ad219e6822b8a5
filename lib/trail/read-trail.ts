import { gunzipIfCompressed } from "./gunzip";
import { emptyInput, noValidRecords, workTooLong } from "./messages";
import { RecordSplitter } from "./split-records";
import { TrailTally } from "./tally";
import {
  DEFAULT_MAX_RECORD_BYTES,
  MAX_INFLATED_BYTES,
  type TrailBatch,
  type TrailFailure,
  type TrailResult,
  type WorkBudget,
} from "./types";

/** Without `options.work`, no time is measured and none is limited. */
const UNTIMED: WorkBudget = { now: () => 0, maxMs: Infinity };

/**
 * Reads trail data chunk by chunk — a trail file `{"Records": […]}` (gzip or not, gzip members
 * concatenated), `aws cloudtrail lookup-events` output, a JSON array or JSON Lines of records —
 * yielding a batch per decompressed chunk and returning a result. Memory stays bounded by the
 * largest record (`options.maxRecordBytes`, default 8 MiB), not the file.
 *
 * Only records that can have an errorCode or errorMessage (a string in them starts with "err") are
 * parsed and validated, so `malformed` counts the broken ones among those, and values that are not
 * objects at all; the others are only counted. Expected failures (not CloudTrail, a record over the
 * cap, data cut short, gzip inflating past `options.maxInflatedBytes`, default MAX_INFLATED_BYTES) are
 * returned, never thrown, after a last batch with any records read before them; so is taking more than
 * `options.work.maxMs` of time outside waiting for `chunks` (the consumer's time between batches counts).
 * Aborting `options.signal` stops the reading (and any inflation) at once, throwing its reason. `options.keepSuccesses`
 * parses and yields the records without an error too (slower: every record is parsed), for telling transient denials apart.
 */
export async function* readTrail(
  chunks: AsyncIterable<Uint8Array>,
  options: {
    maxRecordBytes?: number;
    maxInflatedBytes?: number;
    signal?: AbortSignal;
    work?: WorkBudget;
    keepSuccesses?: boolean;
  } = {},
): AsyncGenerator<TrailBatch, TrailResult> {
  const work = options.work ?? UNTIMED;
  const startedAt = work.now();
  const progress = { bytesRead: 0, waitingMs: 0 };
  const overBudget = (): TrailFailure | null =>
    work.now() - startedAt - progress.waitingMs > work.maxMs ? workTooLong(work.maxMs) : null;
  const tally = new TrailTally(options.keepSuccesses ?? false);
  const splitter = new RecordSplitter(tally, options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES);
  const data = gunzipIfCompressed(chunks, progress, {
    maxInflatedBytes: options.maxInflatedBytes ?? MAX_INFLATED_BYTES,
    now: work.now,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  try {
    for (let next = await data.next(); ; next = await data.next()) {
      if (next.done) {
        if (next.value) return next.value;
        break;
      }
      const chunk = Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength);
      tally.noteData(chunk);
      const failure = splitter.push(chunk) ?? tally.failure ?? overBudget();
      const batch = {
        records: tally.takeRecords(),
        bytesRead: progress.bytesRead,
        recordsScanned: tally.recordsScanned,
        malformed: tally.malformed,
      };
      if (!failure || batch.records.length > 0) yield batch;
      if (failure) return failure;
    }
  } finally {
    await data.return(null);
  }
  const end = splitter.finish();
  if (!end.ok) return end;
  if (end.format === null) return emptyInput();
  if (!tally.recognized && tally.recordsScanned > 0) return noValidRecords(tally.recordsScanned);
  return { ok: true, format: end.format, recordsScanned: tally.recordsScanned, malformed: tally.malformed };
}
