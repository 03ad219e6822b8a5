import "server-only";
import { streamEventSchema, type LookupStreamEvent } from "@/lib/wire";
import { errorResponse } from "./respond";

const NDJSON_HEADERS = {
  "Content-Type": "application/x-ndjson; charset=utf-8",
  "Cache-Control": "no-store",
  "X-Accel-Buffering": "no",
};

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
 * one bounded buffer, not the whole answer.
 */
const STREAM_BUFFER_BYTES = 32 * 1024 * 1024;

const encoder = new TextEncoder();
/** Each line is shaped by the wire schema: what the browser parses is exactly what goes out. */
const line = (event: LookupStreamEvent) => encoder.encode(`${JSON.stringify(streamEventSchema.parse(event))}\n`);

/**
 * Answers with the events as NDJSON, one line each, as they are produced. An error before any
 * work was done (no credentials, the app's role denied LookupEvents, an unreadable file) becomes
 * a plain `{code, message}` error with its HTTP status instead. Closing the connection aborts
 * `cancel`, which stops the work behind the stream.
 *
 * By default the work waits for the reader (backpressure): one event is made ahead of it. `eager`
 * works up to `bufferBytes` ahead (default STREAM_BUFFER_BYTES): a browser reads no answer until it has
 * sent the whole upload, so an upload's work must not wait for it — but a client that never reads
 * pauses the work once that much is waiting, instead of making the server hold everything.
 */
export async function streamEvents(
  events: AsyncGenerator<LookupStreamEvent>,
  cancel: AbortController,
  route: string,
  options: { eager?: boolean; bufferBytes?: number } = {},
): Promise<Response> {
  const opening: LookupStreamEvent[] = [];
  for (let next = await events.next(); !next.done; next = await events.next()) {
    if (next.value.type === "error") {
      cancel.abort();
      await events.return(undefined);
      return errorResponse({ code: next.value.code, message: next.value.message });
    }
    opening.push(next.value);
    if (SETTLING.has(next.value.type)) break;
  }

  let failed = false;
  let closed = false;
  const nextEvent = async (): Promise<LookupStreamEvent | null> => {
    if (failed) return null;
    try {
      const next = await events.next();
      return next.done ? null : next.value;
    } catch (error) {
      console.error(`[${route}] stream failed: ${error instanceof Error ? error.name : "unknown"}`);
      failed = true;
      return INTERNAL_ERROR;
    }
  };

  /** Sends the next event, or closes; false once there is nothing more to send. */
  const sendNext = async (controller: ReadableStreamDefaultController<Uint8Array>): Promise<boolean> => {
    const event = await nextEvent();
    if (closed) return false; // the reader left while this waited
    if (event) {
      controller.enqueue(line(event));
      return true;
    }
    closed = true;
    controller.close();
    return false;
  };

  // The stream calls pull again as long as less than the high-water mark waits unread.
  const queuing = new ByteLengthQueuingStrategy({
    highWaterMark: options.eager ? (options.bufferBytes ?? STREAM_BUFFER_BYTES) : 1,
  });
  const stream = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        for (const event of opening) controller.enqueue(line(event));
      },
      async pull(controller) {
        await sendNext(controller);
      },
      async cancel() {
        closed = true;
        cancel.abort();
        await events.return(undefined);
      },
    },
    queuing,
  );
  return new Response(stream, { headers: NDJSON_HEADERS });
}
