import type { IncomingMessage } from "node:http";
import { fail, ok, type Result } from "../result";

/** AWS APIs accept bodies far smaller than this; anything bigger is refused unread. */
const MAX_BODY_BYTES = 1024 * 1024;

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
