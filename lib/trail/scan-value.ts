/** Byte values of the JSON structure; every other byte (UTF-8 continuation bytes included) is content. */
export const QUOTE = 0x22;
const BACKSLASH = 0x5c;
export const OPEN_BRACE = 0x7b;
export const CLOSE_BRACE = 0x7d;
export const OPEN_BRACKET = 0x5b;
export const CLOSE_BRACKET = 0x5d;
export const COMMA = 0x2c;
export const COLON = 0x3a;
export const NEWLINE = 0x0a;
const LETTER_E = 0x65;
const LETTER_R = 0x72;

export function isWhitespace(byte: number): boolean {
  return byte === 0x20 || byte === NEWLINE || byte === 0x0d || byte === 0x09;
}

/** Where a scan through an object, array or string stands when a range ends inside it. */
export interface ValueScan {
  /** Open objects and arrays. */
  depth: number;
  inString: boolean;
  /** The range ended on an unpaired backslash inside a string, so the next byte is escaped. */
  escaped: boolean;
  /**
   * A string in the value starts with "err", as the keys errorCode and errorMessage do (or the
   * string began too near the end of a range to tell). Only such records can be denials.
   */
  mentionsErr: boolean;
}

/**
 * Scans `bytes[from, to)` for the byte that closes the value `scan` is inside: the bracket that brings
 * depth to 0, or the quote that ends a string at depth 0. Returns its index, or -1 when the range ends
 * first, leaving `scan` ready for the next range. Only quotes, backslashes and brackets matter, so
 * UTF-8 is scanned as raw bytes; inside strings it jumps from quote to quote with a native search.
 */
export function scanToValueEnd(bytes: Buffer, from: number, to: number, scan: ValueScan): number {
  let index = from;
  let depth = scan.depth;
  if (scan.escaped && index < to) {
    scan.escaped = false;
    index++;
  }
  let inString = scan.inString;
  while (index < to) {
    if (inString) {
      const quote = bytes.indexOf(QUOTE, index);
      if (quote < 0 || quote >= to) {
        scan.escaped = endsUnpairedBackslash(bytes, index, to);
        index = to;
        break;
      }
      if (endsUnpairedBackslash(bytes, index, quote)) {
        index = quote + 1;
        continue;
      }
      inString = false;
      if (depth === 0) return closed(scan, quote);
      index = quote + 1;
      continue;
    }
    const byte = bytes[index]!;
    if (byte === QUOTE) {
      inString = true;
      if (!scan.mentionsErr) scan.mentionsErr = index + 3 >= to || startsWithErr(bytes, index + 1);
    } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) depth++;
    else if ((byte === CLOSE_BRACE || byte === CLOSE_BRACKET) && --depth === 0) return closed(scan, index);
    index++;
  }
  scan.depth = depth;
  scan.inString = inString;
  return -1;
}

/** Starts a scan inside a value, `depth` brackets deep. */
export function beginScan(scan: ValueScan, depth: number, inString: boolean): void {
  scan.depth = depth;
  scan.inString = inString;
  scan.escaped = false;
  scan.mentionsErr = false;
}

function startsWithErr(bytes: Buffer, index: number): boolean {
  return bytes[index] === LETTER_E && bytes[index + 1] === LETTER_R && bytes[index + 2] === LETTER_R;
}

/** True when `bytes[from, to)` ends in an odd run of backslashes, which escapes the byte at `to`. */
function endsUnpairedBackslash(bytes: Buffer, from: number, to: number): boolean {
  let index = to - 1;
  while (index >= from && bytes[index] === BACKSLASH) index--;
  return (to - 1 - index) % 2 === 1;
}

function closed(scan: ValueScan, index: number): number {
  scan.depth = 0;
  scan.inString = false;
  scan.escaped = false;
  return index;
}
