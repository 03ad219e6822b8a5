import "server-only";
import type { ErrorEvent } from "@/lib/wire";

/** Thrown into the trail reader when the body passes the limit, so it stops reading at once. */
class UploadTooLargeError extends Error {
  constructor(limit: number) {
    super(`The file is larger than the ${Math.round(limit / 1024 / 1024)} MiB upload limit.`);
    this.name = "UploadTooLargeError";
  }
}

/** The request body as chunks, refusing to read past `maxBytes` or after the client has gone (a pending read ends at once). */
export async function* uploadChunks(
  body: ReadableStream<Uint8Array>,
  maxBytes: number,
  signal: AbortSignal,
): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  const stop = () => void reader.cancel().catch(() => undefined);
  signal.addEventListener("abort", stop, { once: true });
  let size = 0;
  try {
    for (;;) {
      signal.throwIfAborted();
      const { done, value } = await reader.read();
      signal.throwIfAborted();
      if (done) return;
      size += value.byteLength;
      if (size > maxBytes) throw new UploadTooLargeError(maxBytes);
      yield value;
    }
  } finally {
    signal.removeEventListener("abort", stop);
    await reader.cancel().catch(() => undefined);
  }
}

/** Ends the stream with a typed error when the upload outgrew the limit, instead of a server error. */
export async function* stopAtUploadLimit<T extends { type: string }>(
  events: AsyncGenerator<T>,
): AsyncGenerator<T | ErrorEvent> {
  try {
    yield* events;
  } catch (error) {
    if (!(error instanceof UploadTooLargeError)) throw error;
    yield { type: "error", code: "upload.too-large", message: error.message };
  }
}
