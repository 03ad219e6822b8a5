const ANSI_ESCAPE = /\u001b\[[0-9;]*[A-Za-z]/g;
const TERRAFORM_GUTTER = /^[ \t]*[│╷╵][ \t]?/gm;
const ESCAPED_QUOTE = /\\+"/g;
const ESCAPED_NEWLINE = /\\r\\n|\\n|\\r/g;

/**
 * Puts pasted text into one shape before the parser reads it: no ANSI colours, no Terraform
 * `│` gutters, real newlines and quotes where a log line held JSON-escaped ones.
 */
export function normalizeText(text: string): string {
  let out = text.replace(/\r\n?/g, "\n").replace(ANSI_ESCAPE, "").replace(TERRAFORM_GUTTER, "");
  if (out.includes('\\"') || out.includes("\\n")) {
    out = out.replace(ESCAPED_NEWLINE, "\n").replace(ESCAPED_QUOTE, '"').replace(/\\t/g, " ");
  }
  return out;
}
