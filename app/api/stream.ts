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

const encoder = new TextEncoder();
/** Each line is shaped by the wire schema: what the browser parses is exactly what goes out. */
const line = (event: LookupStreamEvent) => encoder.encode(`${JSON.stringify(streamEventSchema.parse(event))}\n`);

/**
 * Answers with the events as NDJSON, one line each, as they are produced. An error before any
 * work was done (no credentials, the app's role denied LookupEvents, an unreadable file) becomes
 * a plain `{code, message}` error with its HTTP status instead. Closing the connection aborts
 * `cancel`, which stops the work behind the stream.
 *
 * By default the work waits for the reader (backpressure). `eager` produces regardless: a browser
 * reads no answer until it has sent the whole upload, so an upload's work must not wait for it —
 * the answer is bounded (capped groups, rows and tallies), so holding it costs little.
 */
export async function streamEvents(
  events: AsyncGenerator<LookupStreamEvent>,
  cancel: AbortController,
  route: string,
  options: { eager?: boolean } = {},
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

  const drain = async (controller: ReadableStreamDefaultController<Uint8Array>) => {
    let more = true;
    while (more) more = await sendNext(controller);
  };

  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const event of opening) controller.enqueue(line(event));
      if (options.eager) void drain(controller);
    },
    async pull(controller) {
      if (!options.eager) await sendNext(controller);
    },
    async cancel() {
      closed = true;
      cancel.abort();
      await events.return(undefined);
    },
  });
  return new Response(stream, { headers: NDJSON_HEADERS });
}
