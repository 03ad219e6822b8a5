import type { ServerResponse } from "node:http";
import { fail, ok, type Result } from "../../result";

/** The content type of AWS's JSON 1.1 protocol (CloudTrail, KMS, Organizations…). */
const JSON_1_1 = "application/x-amz-json-1.1";

/** Reads a JSON 1.1 request body; anything that is not JSON is the protocol's SerializationException. */
export function parseJsonBody(text: string): Result<unknown> {
  try {
    return ok(JSON.parse(text) as unknown);
  } catch {
    return fail("SerializationException", "The request body is not valid JSON.");
  }
}

/** The operation a JSON 1.1 request names in `X-Amz-Target`, when it is one of `prefixes` (e.g. "CloudTrail_20131101."). */
export function targetOperation(target: string | string[] | undefined, prefixes: readonly string[]): string | null {
  if (typeof target !== "string") return null;
  const prefix = prefixes.find((candidate) => target.startsWith(candidate));
  return prefix === undefined ? null : target.slice(prefix.length);
}

/** Answers with a JSON 1.1 body; every answer carries a request id, as AWS's do. */
export function sendJson(response: ServerResponse, status: number, body: unknown, requestId: string): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    "content-type": JSON_1_1,
    "content-length": Buffer.byteLength(text),
    "x-amzn-requestid": requestId,
  });
  response.end(text);
}

/** Answers with an AWS JSON error: `{"__type", "message"}` plus the `x-amzn-ErrorType` header the SDK reads first. */
export function sendError(
  response: ServerResponse,
  status: number,
  code: string,
  message: string,
  requestId: string,
): void {
  response.setHeader("x-amzn-errortype", code);
  sendJson(response, status, { __type: code, message }, requestId);
}

/** A LookupEvents-like answer cut off mid-JSON, with a length that matches it: a client sees a complete, unreadable body. */
export function sendMalformedJson(response: ServerResponse, status: number, requestId: string): void {
  const text = '{"Events":[{"EventId":"';
  response.writeHead(status, {
    "content-type": JSON_1_1,
    "content-length": Buffer.byteLength(text),
    "x-amzn-requestid": requestId,
  });
  response.end(text);
}
