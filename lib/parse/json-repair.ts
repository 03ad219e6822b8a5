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

/**
 * The end (exclusive) of the JSON object or array `text` opens with, or -1 when it is cut before its close: a record
 * followed by other text (a table's next cell) ends there.
 */
export function jsonValueEnd(text: string): number {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === BACKSLASH) index++;
      else if (code === QUOTE) inString = false;
    } else if (code === QUOTE) inString = true;
    else if (code === OPEN_BRACE || code === OPEN_BRACKET) depth++;
    else if ((code === CLOSE_BRACE || code === CLOSE_BRACKET) && --depth === 0) return index + 1;
  }
  return -1;
}

const ELISIONS = ["[...]", "{...}", "...", "…"];
const WHITESPACE = /\s/;

/**
 * JSON a writer shortened by hand made parseable: the elisions standing for left-out members (`[...]`, `...`, `…`)
 * outside strings are dropped, and so is the comma they leave before a closing bracket. The text comes back as it was
 * when it holds no elision.
 */
export function withoutElisions(text: string): string {
  let result = "";
  let inString = false;
  let changed = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === BACKSLASH) {
        result += text.slice(index, index + 2);
        index++;
        continue;
      }
      if (code === QUOTE) inString = false;
      result += text[index];
      continue;
    }
    const elision = ELISIONS.find((word) => text.startsWith(word, index));
    if (elision) {
      index += elision.length - 1;
      changed = true;
      continue;
    }
    if (code === COMMA && closesNext(text, index + 1)) {
      changed = true;
      continue;
    }
    if (code === QUOTE) inString = true;
    result += text[index];
  }
  return changed ? result : text;
}

/** True when the next character after whitespace (and elisions) closes an object or array. */
function closesNext(text: string, from: number): boolean {
  let index = from;
  while (index < text.length) {
    const elision = ELISIONS.find((word) => text.startsWith(word, index));
    if (elision) index += elision.length;
    else if (WHITESPACE.test(text[index]!)) index++;
    else break;
  }
  const code = text.charCodeAt(index);
  return code === CLOSE_BRACE || code === CLOSE_BRACKET;
}
