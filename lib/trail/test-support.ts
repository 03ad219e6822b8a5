import type { CloudTrailRecord } from "../parse";
import { readTrail } from "./read-trail";
import type { TrailBatch, TrailFailure, TrailResult } from "./types";

/** Feeds `bytes` in chunks whose sizes cycle through `sizes`. */
export async function* chunked(bytes: Uint8Array, sizes: number[] = [bytes.length]): AsyncGenerator<Uint8Array> {
  let offset = 0;
  for (let turn = 0; offset < bytes.length; turn++) {
    const size = Math.max(1, sizes[turn % sizes.length] ?? 1);
    await Promise.resolve();
    yield bytes.subarray(offset, offset + size);
    offset += size;
  }
}

export interface TrailReading {
  records: CloudTrailRecord[];
  batches: TrailBatch[];
  result: TrailResult;
}

/** Runs readTrail to its end, keeping every batch and the result. */
export async function readAll(
  chunks: AsyncIterable<Uint8Array>,
  options?: Parameters<typeof readTrail>[1],
): Promise<TrailReading> {
  const reader = readTrail(chunks, options);
  const batches: TrailBatch[] = [];
  for (let next = await reader.next(); ; next = await reader.next()) {
    if (next.done) return { records: batches.flatMap((batch) => batch.records), batches, result: next.value };
    batches.push(next.value);
  }
}

/** The failure a reading ended with, or null when it succeeded (or had not ended). */
export function failureOf(result: TrailResult | null): TrailFailure["error"] | null {
  return result && !result.ok ? result.error : null;
}

export function utf8(text: string): Buffer {
  return Buffer.from(text, "utf8");
}
