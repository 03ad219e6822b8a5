import { MAX_INPUT_BYTES } from "../../lib/parse";

/**
 * The longest batch line read, in bytes: a line holding the longest text the engine accepts with every
 * byte JSON-escaped (`\u0000` is six bytes for one), plus room for the id and the keys.
 */
export const MAX_BATCH_LINE_BYTES = 6 * MAX_INPUT_BYTES + 64 * 1024;

export type BatchLine = { lineNumber: number; text: string } | { lineNumber: number; tooLarge: true };

const NEWLINE = 0x0a;

/**
 * Splits a byte stream into lines (LF or CRLF), holding at most `maxBytes` of one line. A longer line
 * is reported as `tooLarge` as soon as it passes the limit, and its remaining bytes are skipped up to
 * the next newline, so input that never ends a line (`/dev/zero`) runs in constant memory.
 */
export async function* readLines(
  chunks: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
  maxBytes: number,
): AsyncGenerator<BatchLine> {
  let parts: Buffer[] = [];
  let length = 0;
  let skipping = false;
  let lineNumber = 1;
  for await (const chunk of chunks) {
    let rest = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    while (rest.length > 0) {
      const end = rest.indexOf(NEWLINE);
      const piece = end === -1 ? rest : rest.subarray(0, end);
      if (!skipping) {
        if (length + piece.length > maxBytes) {
          skipping = true;
          parts = [];
          length = 0;
          yield { lineNumber, tooLarge: true };
        } else {
          parts.push(piece);
          length += piece.length;
        }
      }
      if (end === -1) break;
      if (!skipping) yield { lineNumber, text: lineText(parts) };
      parts = [];
      length = 0;
      skipping = false;
      lineNumber++;
      rest = rest.subarray(end + 1);
    }
  }
  if (!skipping && length > 0) yield { lineNumber, text: lineText(parts) };
}

function lineText(parts: Buffer[]): string {
  const text = Buffer.concat(parts).toString("utf8");
  return text.endsWith("\r") ? text.slice(0, -1) : text;
}
