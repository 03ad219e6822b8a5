import { Readable, pipeline, type TransformOptions } from "node:stream";
import { createGunzip, type ZlibOptions } from "node:zlib";
import { damagedGzip, inflatedTooLarge, truncatedGzip } from "./messages";
import type { TrailFailure } from "./types";

/** How far through its input a reader is, in bytes as they arrived (compressed, when they are). */
export interface ReadProgress {
  bytesRead: number;
  /** Time spent waiting for the input's next chunk (the client sending), on `now`'s clock. */
  waitingMs: number;
}

const INFLATED_CHUNK_BYTES = 256 * 1024;
/** Inflation runs ahead of the reader by a few chunks (zlib streams hand stream options to Transform), so both cores work at once. */
const INFLATER_OPTIONS: ZlibOptions & TransformOptions = {
  chunkSize: INFLATED_CHUNK_BYTES,
  highWaterMark: 4 * INFLATED_CHUNK_BYTES,
};

/** True when the bytes start like every gzip member does (1f 8b), whatever the file is called. */
function isGzip(start: Uint8Array): boolean {
  return start[0] === 0x1f && start[1] === 0x8b;
}

/** What bounds one inflation: the most bytes it may produce, and the signal that stops it (the client went away). */
export interface InflateLimits {
  maxInflatedBytes: number;
  signal?: AbortSignal;
  /** The clock that `progress.waitingMs` is measured on. */
  now: () => number;
}

/**
 * Yields the data's bytes, inflated as a stream when they are gzip, however many gzip members follow
 * one another (as when trail files are concatenated). Counts the bytes taken from `chunks` in
 * `progress`, and the time spent waiting for them. Returns a failure when the gzip data is cut short or
 * damaged, or inflates past `limits.maxInflatedBytes` (a decompression bomb); throws the signal's reason
 * once it aborts, which destroys the inflater at once, even while it waits for input.
 */
export async function* gunzipIfCompressed(
  chunks: AsyncIterable<Uint8Array>,
  progress: ReadProgress,
  limits: InflateLimits,
): AsyncGenerator<Uint8Array, TrailFailure | null> {
  const source = counted(chunks, progress, limits.now);
  const head = await readHead(source, 2);
  const input = replay(head, source);
  if (!isGzip(firstBytes(head, 2))) {
    yield* input;
    return null;
  }
  const inflater = createGunzip(INFLATER_OPTIONS);
  // The callback only swallows the error: it also reaches the inflater, whose iteration below reports it.
  pipeline(Readable.from(input), inflater, () => undefined);
  const stop = () => {
    const reason: unknown = limits.signal?.reason;
    inflater.destroy(reason instanceof Error ? reason : new DOMException("Aborted", "AbortError"));
  };
  limits.signal?.addEventListener("abort", stop, { once: true });
  let inflatedBytes = 0;
  try {
    for await (const chunk of inflater as AsyncIterable<Uint8Array>) {
      limits.signal?.throwIfAborted();
      inflatedBytes += chunk.length;
      if (inflatedBytes > limits.maxInflatedBytes) return inflatedTooLarge(limits.maxInflatedBytes);
      yield chunk;
    }
    return null;
  } catch (error) {
    if (!isZlibError(error)) throw error;
    return error.code === "Z_BUF_ERROR" ? truncatedGzip() : damagedGzip(error.message);
  } finally {
    limits.signal?.removeEventListener("abort", stop);
    inflater.destroy();
  }
}

async function* counted(
  chunks: AsyncIterable<Uint8Array>,
  progress: ReadProgress,
  now: () => number,
): AsyncGenerator<Uint8Array, void> {
  const iterator = chunks[Symbol.asyncIterator]();
  try {
    for (;;) {
      const waitStart = now();
      const next = await iterator.next();
      progress.waitingMs += now() - waitStart;
      if (next.done) return;
      progress.bytesRead += next.value.length;
      if (next.value.length > 0) yield next.value;
    }
  } finally {
    await iterator.return?.();
  }
}

/** Takes chunks until they hold at least `bytes` bytes or the input ends. */
async function readHead(source: AsyncIterator<Uint8Array>, bytes: number): Promise<Uint8Array[]> {
  const head: Uint8Array[] = [];
  let length = 0;
  while (length < bytes) {
    const step = await source.next();
    if (step.done) break;
    head.push(step.value);
    length += step.value.length;
  }
  return head;
}

async function* replay(head: Uint8Array[], rest: AsyncGenerator<Uint8Array, void>): AsyncGenerator<Uint8Array, void> {
  try {
    yield* head;
    yield* rest;
  } finally {
    await rest.return();
  }
}

function firstBytes(chunks: Uint8Array[], count: number): Uint8Array {
  const start = new Uint8Array(count);
  let filled = 0;
  for (const chunk of chunks) {
    const part = chunk.subarray(0, count - filled);
    start.set(part, filled);
    filled += part.length;
  }
  return start.subarray(0, filled);
}

function isZlibError(error: unknown): error is Error & { code: string } {
  return error instanceof Error && "code" in error && typeof error.code === "string" && error.code.startsWith("Z_");
}
