import type { IncomingMessage, ServerResponse } from "node:http";
import { fail, ok, type Result } from "../result";

export const JSON_1_1 = "application/x-amz-json-1.1";

/** CloudTrail accepts bodies far smaller than this; anything bigger is refused unread. */
const MAX_BODY_BYTES = 1024 * 1024;

const CREDENTIAL_SCOPE = /Credential=[^/,\s]+\/\d{8}\/([a-z0-9-]+)\/([a-z0-9-]+)\/aws4_request/;

/**
 * The Region a request was signed for, from the SigV4 credential scope in its Authorization
 * header (the host is 127.0.0.1, so it cannot come from there). The signature is not checked.
 */
export function regionOfSignedRequest(authorization: string | undefined): Result<string> {
  if (!authorization) {
    return fail("MissingAuthenticationTokenException", "Missing Authentication Token");
  }
  const scope = CREDENTIAL_SCOPE.exec(authorization);
  if (!scope?.[1]) {
    return fail(
      "IncompleteSignatureException",
      "Authorization header requires a 'Credential' parameter with a valid SigV4 scope.",
    );
  }
  if (scope[2] !== "cloudtrail") {
    return fail("InvalidSignatureException", `Credential should be scoped to correct service: 'cloudtrail'.`);
  }
  return ok(scope[1]);
}

/** True for `CloudTrail_20131101.LookupEvents` and the fully qualified Smithy form. */
export function isLookupEventsTarget(target: string | string[] | undefined): boolean {
  return (
    target === "CloudTrail_20131101.LookupEvents" ||
    target === "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents"
  );
}

/** Reads a whole request body, or says it was too large without buffering the rest. */
export async function readBody(request: IncomingMessage): Promise<Result<string>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.byteLength;
    if (size > MAX_BODY_BYTES) return fail("SerializationException", "The request body is too large.");
    chunks.push(buffer);
  }
  return ok(Buffer.concat(chunks).toString("utf8"));
}

export function parseJsonBody(text: string): Result<unknown> {
  try {
    return ok(JSON.parse(text) as unknown);
  } catch {
    return fail("SerializationException", "The request body is not valid JSON.");
  }
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
