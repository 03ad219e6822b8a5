import type { LookupStreamEvent } from "@/lib/wire";
import { ApiError, apiErrorOf } from "./api";
import { NdjsonReader } from "./ndjson";

/**
 * POSTs JSON and reads the NDJSON answer as it arrives, yielding the events of each network chunk
 * together. A non-2xx answer is the server's `{code, message}` and throws an ApiError.
 */
export async function* postForEvents(
  url: string,
  init: { body: string; signal: AbortSignal },
): AsyncGenerator<LookupStreamEvent[]> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      body: init.body,
      headers: { "content-type": "application/json" },
      signal: init.signal,
    });
  } catch (error) {
    if (init.signal.aborted) throw error;
    throw new ApiError("network.unreachable", "Could not reach the whydenied server. Is it still running?");
  }
  if (!response.ok || !response.body) {
    throw apiErrorOf(response.status, await response.json().catch(() => null));
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const ndjson = new NdjsonReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const events = ndjson.push(value);
    if (events.length > 0) yield events;
  }
}
