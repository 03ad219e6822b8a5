/** Deeper than any CloudTrail record's nesting with room to spare; a deeper cut is not worth closing. */
const MAX_OPEN = 32;

const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;

/**
 * A JSON text cut off before its end (a record pasted from a write-up, a log line truncated) made whole: it keeps every
 * member that was complete before the cut and closes the objects and arrays still open there. Null when the text has
 * nothing open to close (it is not cut JSON, or its error is elsewhere) or nests deeper than MAX_OPEN.
 */
export function closeCutJson(text: string): string | null {
  const open: number[] = [];
  let inString = false;
  let safeEnd = -1;
  let safeOpen = "";
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === BACKSLASH) index++;
      else if (code === QUOTE) inString = false;
      continue;
    }
    if (code === QUOTE) inString = true;
    else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      if (open.length === MAX_OPEN) return null;
      open.push(code);
      [safeEnd, safeOpen] = [index + 1, closers(open)];
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      open.pop();
      [safeEnd, safeOpen] = [index + 1, closers(open)];
    } else if (code === COMMA && open.length > 0) [safeEnd, safeOpen] = [index, closers(open)];
  }
  if (open.length === 0 || safeEnd === -1) return null;
  return text.slice(0, safeEnd) + safeOpen;
}

/** The brackets that close `open`, innermost first. */
function closers(open: readonly number[]): string {
  let closing = "";
  for (let index = open.length - 1; index >= 0; index--) closing += open[index] === OPEN_BRACE ? "}" : "]";
  return closing;
}
