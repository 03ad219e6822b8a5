import type { ServerResponse } from "node:http";

/** Answers a REST-JSON call (`application/json`) with a request id, as AWS's do. */
export function sendRestJson(response: ServerResponse, status: number, body: unknown, requestId: string): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
    "x-amzn-requestid": requestId,
  });
  response.end(text);
}

/** Answers a REST-JSON error: the `x-amzn-ErrorType` header the SDKs read first, and `{"message"}`. */
export function sendRestJsonError(
  response: ServerResponse,
  status: number,
  code: string,
  message: string,
  requestId: string,
): void {
  response.setHeader("x-amzn-errortype", code);
  sendRestJson(response, status, { message }, requestId);
}
