import { MAX_INPUT_BYTES, utf8Length } from "../parse";
import { fail, ok, type Result } from "../result";

export type InputErrorCode = "input.empty" | "input.too-large";

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
