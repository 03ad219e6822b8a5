import "server-only";
import { streamEventSchema, type LookupStreamEvent } from "@/lib/wire";
import { PendingEvents } from "./pending-events";
import { apiHeaders, errorResponse } from "./respond";

const NDJSON_HEADERS = { "Content-Type": "application/x-ndjson; charset=utf-8", "X-Accel-Buffering": "no" };

/** Until one of these arrives, an error means the request as a whole failed. */
const SETTLING = new Set<LookupStreamEvent["type"]>(["progress", "group", "denial", "done"]);

const INTERNAL_ERROR: LookupStreamEvent = {
  type: "error",
  code: "internal.error",
  message: "Something went wrong on our side; the results so far are kept.",
};

/**
 * How much of an eager stream's answer may wait unread before the work behind it pauses. Large enough
 * for what an upload answers while the browser is still sending it (a browser reads nothing before
 * that, and paused work stops reading the upload), small enough that a client that never reads costs
 * one bounded buffer, not the whole answer. An upload's whole answer fits: merged tallies take one copy, and
 * MAX_GROUPS heads and MAX_ROWS rows of denials of at most MAX_DENIAL_JSON_BYTES take about 40 MiB.
 */
export const STREAM_BUFFER_BYTES = 64 * 1024 * 1024;

/** Each line is shaped by the wire schema: what the browser parses is exactly what goes out. */
const lineOf = (event: LookupStreamEvent) => `${JSON.stringify(streamEventSchema.parse(event))}\n`;

/**
 * Answers with the events as NDJSON, one line each, as they are produced. An error before any
 * work was done (no credentials, the app's role denied LookupEvents, an unreadable file) becomes
 * a plain `{code, message}` error with its HTTP status instead. Closing the connection aborts
 * `cancel`, which stops the work behind the stream.
 *
 * By default the work waits for the reader (backpressure): one event is made ahead of it. `eager`
 * works ahead until `bufferBytes` of events wait unread (default STREAM_BUFFER_BYTES): a browser reads no
 * answer until it has sent the whole upload, so an upload's work must not wait for it — but a client that
 * never reads pauses the work once that much is waiting, instead of making the server hold everything.
 * Waiting tallies and progress are merged (PendingEvents), so only what the collector bounds can fill it.
 */
export async function streamEvents(
  events: AsyncGenerator<LookupStreamEvent>,
  cancel: AbortController,
  route: string,
  options: { eager?: boolean; bufferBytes?: number } = {},
): Promise<Response> {
  const pending = new PendingEvents(lineOf);
  for (let next = await events.next(); !next.done; next = await events.next()) {
    if (next.value.type === "error") {
      cancel.abort();
      await events.return(undefined);
      return errorResponse({ code: next.value.code, message: next.value.message });
    }
    pending.push(next.value);
    if (SETTLING.has(next.value.type)) break;
  }

  const bufferBytes = options.eager ? (options.bufferBytes ?? STREAM_BUFFER_BYTES) : 0;
  let ended = false;
  let closed = false;
  let wakeReader: (() => void) | null = null;
  let wakeWorker: (() => void) | null = null;
  const wake = (waiter: (() => void) | null) => waiter?.();
  const isFull = () => (bufferBytes === 0 ? !pending.isEmpty : pending.queuedBytes >= bufferBytes);

  const work = async (): Promise<void> => {
    try {
      while (!closed) {
        while (isFull() && !closed) await new Promise<void>((resolve) => (wakeWorker = resolve));
        if (closed) return;
        const next = await events.next();
        if (next.done) return;
        pending.push(next.value);
        wake(wakeReader);
      }
    } catch (error) {
      console.error(`[${route}] stream failed: ${error instanceof Error ? error.name : "unknown"}`);
      pending.push(INTERNAL_ERROR);
    } finally {
      ended = true;
      wake(wakeReader);
    }
  };

  const stream = new ReadableStream<Uint8Array>({
    start() {
      void work();
    },
    async pull(controller) {
      for (;;) {
        const line = pending.take();
        if (line) {
          controller.enqueue(line);
          wake(wakeWorker);
          return;
        }
        if (ended) {
          closed = true;
          controller.close();
          return;
        }
        await new Promise<void>((resolve) => (wakeReader = resolve));
      }
    },
    async cancel() {
      closed = true;
      wake(wakeWorker);
      cancel.abort();
      await events.return(undefined);
    },
  });
  return new Response(stream, { headers: apiHeaders(NDJSON_HEADERS) });
}
