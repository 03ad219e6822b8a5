import { includesAny } from "./anchors";

const ANSI_ESCAPE = /\u001b\[[0-9;]*[A-Za-z]/g;
const TERRAFORM_GUTTER = /^[ \t]*[│╷╵][ \t]?/gm;
const GUTTER_CHARACTERS = ["│", "╷", "╵"];
// A run of backslashes, then an optional quote: one pass per run (`\\+"` backtracks quadratically on long runs).
const BACKSLASH_RUN = /(\\+)("?)/g;
// Markdown or e-mail quoting ("> ") at the start of each line of a pasted message.
const QUOTE_MARKER = /^[ \t]*> ?/gm;
const ESCAPED_NEWLINE = /\\r\\n|\\n|\\r/g;

function unescapeQuote(_run: string, slashes: string, quote: string): string {
  return quote ? '"' : slashes;
}

/**
 * Puts pasted text into one shape before the parser reads it: no ANSI colours, no Terraform
 * `│` gutters, real newlines and quotes where a log line held JSON-escaped ones.
 */
export function normalizeText(text: string): string {
  // Each pass runs only when its text is present: most pastes need none of them.
  let out = text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
  if (out.startsWith(">") || out.includes("\n>")) out = out.replace(QUOTE_MARKER, "");
  if (out.includes("\u001b")) out = out.replace(ANSI_ESCAPE, "");
  if (includesAny(out, GUTTER_CHARACTERS)) out = out.replace(TERRAFORM_GUTTER, "");
  if (out.includes('\\"') || out.includes("\\n")) {
    out = out.replace(ESCAPED_NEWLINE, "\n").replace(BACKSLASH_RUN, unescapeQuote).replace(/\\t/g, " ");
  }
  return out;
}
