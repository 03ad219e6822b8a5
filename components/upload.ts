import { EventQueue } from "@/lib/async";
import type { RunEvent } from "@/lib/run";
import { ApiError, apiErrorOf } from "./api";
import { NdjsonReader } from "./ndjson";

/**
 * POSTs a file with XMLHttpRequest — fetch cannot tell how much of an upload has been sent — and
 * yields upload progress, then the NDJSON events of the answer as they arrive. A non-2xx answer is
 * the server's `{code, message}` and throws an ApiError; aborting `signal` aborts the upload.
 */
export async function* uploadForEvents(url: string, file: Blob, signal: AbortSignal): AsyncGenerator<RunEvent[]> {
  const queue = new EventQueue<RunEvent[]>();
  const request = new XMLHttpRequest();
  const ndjson = new NdjsonReader();
  let seen = 0;

  const readAnswer = () => {
    if (request.status !== 200) return;
    const events = ndjson.push(request.responseText.slice(seen));
    seen = request.responseText.length;
    if (events.length > 0) queue.push(events);
  };

  request.upload.onprogress = (event) =>
    queue.push([
      { type: "upload", sentBytes: event.loaded, totalBytes: event.lengthComputable ? event.total : file.size },
    ]);
  request.onprogress = readAnswer;
  request.onload = () => {
    if (request.status === 200) {
      readAnswer();
      return queue.close();
    }
    let body: unknown = null;
    try {
      body = JSON.parse(request.responseText);
    } catch {
      body = null;
    }
    queue.fail(apiErrorOf(request.status, body));
  };
  request.onerror = () =>
    queue.fail(new ApiError("network.unreachable", "The upload failed: is the whydenied server still running?"));
  request.onabort = () => queue.fail(signal.reason ?? new DOMException("Aborted", "AbortError"));
  signal.addEventListener("abort", () => request.abort(), { once: true });

  request.open("POST", url);
  request.setRequestHeader("content-type", "application/octet-stream");
  request.send(file);
  yield* queue;
}
