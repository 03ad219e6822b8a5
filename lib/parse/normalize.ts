import { anchorSet, includesAny } from "./anchors";
import { unwrapLines } from "./unwrap";

const ANSI_ESCAPE = /\u001b\[[0-9;]*[A-Za-z]/g;
const TERRAFORM_GUTTER = /^[ \t]*[│╷╵][ \t]?/gm;
const GUTTER_CHARACTERS = anchorSet("│", "╷", "╵");
// A log viewer's or YAML block's ASCII gutter ("      | error KMS: …") at the start of a line.
const PIPE_GUTTER = /^[ \t]*\|[ \t]/gm;
// A run of backslashes, then an optional quote: one pass per run (`\\+"` backtracks quadratically on long runs).
const BACKSLASH_RUN = /(\\+)("?)/g;
// Markdown or e-mail quoting ("> ") at the start of each line of a pasted message.
const QUOTE_MARKER = /^[ \t]*> ?/gm;
const ESCAPED_NEWLINE = /\\r\\n|\\n|\\r/g;
// A writer's placeholder of several words (`<<account number>>`, `<role name>`, `{the user ARN}`): one token, so an ARN
// holding it stays whole.
const SPACED_PLACEHOLDER = /(?<![$%])([<{])([<{]?)([A-Za-z]{1,20}(?: [A-Za-z]{1,20}){1,4})([>}]?)([>}])/g;

// A phone's or editor's autocorrect of an IAM ARN's service: `arn:aws:I am::123456789012:user/bob`.
const AUTOCORRECTED_IAM = /\barn:(aws[a-z-]{0,12}):I am:/g;

// A Markdown autolink a chat or issue tracker made of a host or e-mail: `[inspector2.amazonaws.com](http://inspector2.amazonaws.com/)`.
const AUTOLINK = /\[([^\][()\s]{1,200})\]\((?:https?:\/\/|mailto:)[^()\s]{1,400}\)/g;

function joinPlaceholder(whole: string, open: string, inner: string, words: string, innerClose: string, close: string) {
  // `<role name}` is no placeholder: brackets of one kind only.
  if ((open === "<") !== (close === ">")) return whole;
  return `${open}${inner}${words.replaceAll(" ", "-")}${innerClose}${close}`;
}

/** The text with each Markdown autolink of a host or address put back as the plain text it linked. */
export function withoutAutolinks(text: string): string {
  return text.includes("](http") || text.includes("](mailto:") ? text.replace(AUTOLINK, "$1") : text;
}

function unescapeQuote(_run: string, slashes: string, quote: string): string {
  return quote ? '"' : slashes;
}

/**
 * Puts pasted text into one shape before the parser reads it: no ANSI colours, no Terraform
 * `│` or log viewers' `|` gutters, real newlines and quotes where a log line held JSON-escaped ones.
 */
export function normalizeText(text: string): string {
  // Each pass runs only when its text is present: most pastes need none of them.
  let out = unwrapLines(text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text);
  if (out.startsWith(">") || out.includes("\n>")) out = out.replace(QUOTE_MARKER, "");
  if (out.includes("\u001b")) out = out.replace(ANSI_ESCAPE, "");
  if (includesAny(out, GUTTER_CHARACTERS)) out = out.replace(TERRAFORM_GUTTER, "");
  if (out.startsWith("|") || out.includes("| ")) out = out.replace(PIPE_GUTTER, "");
  if (out.includes("<") || out.includes("{")) out = out.replace(SPACED_PLACEHOLDER, joinPlaceholder);
  out = withoutAutolinks(out);
  if (out.includes(":I am:")) out = out.replace(AUTOCORRECTED_IAM, "arn:$1:iam:");
  if (out.includes('\\"') || out.includes("\\n")) {
    out = out.replace(ESCAPED_NEWLINE, "\n").replace(BACKSLASH_RUN, unescapeQuote).replace(/\\t/g, " ");
  }
  return out;
}
