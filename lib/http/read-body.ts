import { fail, ok, type Result } from "../result";

/**
 * Reads a request body as text, stopping as soon as it passes `limit` bytes so an oversized
 * upload is refused without being buffered whole.
 */
export async function readLimitedText(
  body: ReadableStream<Uint8Array> | null,
  limit: number,
): Promise<Result<string, "request.too-large">> {
  if (!body) return ok("");
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return fail("request.too-large", `The request body is larger than ${Math.floor(limit / 1024)} KiB.`);
    }
    chunks.push(value);
  }
  return ok(new TextDecoder().decode(Buffer.concat(chunks)));
}

/** Parses JSON text, as a value instead of a throw. */
export function parseJson(text: string): Result<unknown, "request.malformed-json"> {
  try {
    return ok(JSON.parse(text) as unknown);
  } catch {
    return fail("request.malformed-json", "The request body is not valid JSON.");
  }
}
