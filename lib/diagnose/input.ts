import { MAX_INPUT_BYTES } from "../parse/limits";
import { fail, ok, type Result } from "../result";

export type InputErrorCode = "input.empty" | "input.too-large";

/** Bytes of UTF-8 a string takes, without allocating a buffer. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      index++;
    } else bytes += 3;
  }
  return bytes;
}

/** Rejects empty and oversized input with a message the user can act on. */
export function checkInput(text: string): Result<string, InputErrorCode> {
  if (!text.trim()) return fail("input.empty", "Paste an AWS error message, a log excerpt or a CloudTrail record.");
  const bytes = utf8Length(text);
  if (bytes > MAX_INPUT_BYTES) {
    return fail(
      "input.too-large",
      `The text is ${Math.ceil(bytes / 1024)} KiB; the limit is ${MAX_INPUT_BYTES / 1024} KiB. Paste only ` +
        `the lines around the error, or upload a CloudTrail file instead.`,
    );
  }
  return ok(text);
}
