/**
 * Lines a terminal, a box-drawing CLI or a fixed-width paste cut wherever the width ran out, put back together
 * before the parser reads them: a word, an action or an ARN cut at the edge reads whole again.
 */

/** A line ending at a box's right edge, the text before it at most one space short of the edge. */
const FULL_TO_RIGHT_EDGE = /(?:^|[^ \t])[ \t]{1,2}│[ \t]*$/;
const AT_RIGHT_EDGE = /[ \t]*│[ \t]*$/;
const LEFT_EDGE = /^[ \t]*│ ?/;

/**
 * A box drawn around the output (`│ …text… │`, as kubectl plugins print it): a line that fills the box to its right
 * edge goes on inside the next line's box. One padding space stands before the edge, so a line that still ends in a
 * space broke between words, and one that ends in a letter broke inside a word ("AccessDeniedE │" / "│ xception").
 */
function joinBoxedLines(lines: string[]): string[] {
  const out: string[] = [];
  for (let index = 0; index < lines.length; index++) {
    // Only the newest piece is tested and trimmed, so a box of many lines costs what its text does.
    let piece = lines[index] ?? "";
    const pieces: string[] = [];
    while (FULL_TO_RIGHT_EDGE.test(piece) && LEFT_EDGE.test(lines[index + 1] ?? "")) {
      pieces.push(piece.replace(AT_RIGHT_EDGE, (edge) => (edge.startsWith("  ") ? " " : "")));
      piece = (lines[index + 1] ?? "").replace(LEFT_EDGE, "");
      index++;
    }
    pieces.push(piece);
    out.push(pieces.join(""));
  }
  return out;
}

/** The narrowest width a terminal or a paste wraps at: shorter runs of equal lines are chance. */
const MIN_WRAP_WIDTH = 60;
/** Lines of one width in a row before that width is taken for the wrap: two can be chance, three are not. */
const WRAPPED_RUN = 3;
/** How much of a line's start tells a new record (a timestamp, a level) from the tail of a wrapped one. */
const RECORD_START = 8;
const DATED_LINE = /^\[?\d{4}-\d{2}-\d{2}|^\[?\d{2}:\d{2}:\d{2}/;

function startsNewRecord(line: string, previous: string): boolean {
  return !line.trim() || DATED_LINE.test(line) || line.slice(0, RECORD_START) === previous.slice(0, RECORD_START);
}

/** The width a paste was cut at: the length of three lines in a row that do not each start a record. */
function wrapWidthOf(lines: string[]): number | null {
  for (let index = 0; index + WRAPPED_RUN <= lines.length; index++) {
    const width = lines[index]?.length ?? 0;
    if (width < MIN_WRAP_WIDTH) continue;
    let run = 1;
    while (
      run < WRAPPED_RUN &&
      lines[index + run]?.length === width &&
      !startsNewRecord(lines[index + run] ?? "", lines[index] ?? "")
    )
      run++;
    if (run === WRAPPED_RUN) return width;
  }
  return null;
}

/**
 * A fixed-width paste (`{"stackTrace": … valid` / `ation_hash …`): every line exactly as long as the wrap width goes on
 * in the next line, with nothing between, unless the next line starts a record of its own.
 */
function joinHardWrappedLines(lines: string[]): string[] {
  const width = wrapWidthOf(lines);
  if (width === null) return lines;
  const out: string[] = [];
  for (let index = 0; index < lines.length; index++) {
    const first = lines[index] ?? "";
    let line = first;
    let piece = first;
    while (piece.length === width && index + 1 < lines.length && !startsNewRecord(lines[index + 1] ?? "", first)) {
      piece = lines[index + 1] ?? "";
      line += piece;
      index++;
    }
    out.push(line);
  }
  return out;
}

/** The text with boxed and fixed-width wrapped lines joined; every other line as it was. */
export function unwrapLines(text: string): string {
  if (!text.includes("\n")) return text;
  const lines = text.split("\n");
  const unboxed = text.includes("│") ? joinBoxedLines(lines) : lines;
  const joined = joinHardWrappedLines(unboxed);
  return joined.length === lines.length ? text : joined.join("\n");
}
