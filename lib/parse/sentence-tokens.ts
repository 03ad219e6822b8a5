/**
 * The token readers an IAM sentence is scanned with: whitespace-delimited tokens, quotes, and the punctuation a log or
 * a writer puts around them. Character codes rather than one-character strings: these scans touch every character.
 */

const MAX_TOKEN = 2048;
const CLOSING_TAG_TO_END = /<\/\w*>?.*$/;

export function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10;
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

export function isQuote(code: number): boolean {
  return code === 34 || code === 39 || code === 96; // " ' `
}

/** Trailing punctuation that ends a sentence or wraps a token: . , ; ) ] } " ' ` */
function isClosingPunctuation(code: number): boolean {
  return code === 46 || code === 44 || code === 59 || code === 41 || code === 93 || code === 125 || isQuote(code);
}

/** `text` without the run of characters matching `drop` at its end. */
function trimEndWhere(text: string, drop: (code: number) => boolean): string {
  let end = text.length;
  while (end > 0 && drop(text.charCodeAt(end - 1))) end--;
  return end === text.length ? text : text.slice(0, end);
}

export function stripQuotes(token: string): string {
  let start = 0;
  while (start < token.length && isQuote(token.charCodeAt(start))) start++;
  return trimEndWhere(start === 0 ? token : token.slice(start), isQuote);
}

/** Reads the whitespace-delimited token that ends just before `index`. */
export function tokenBefore(text: string, index: number): { token: string; start: number } {
  let end = index;
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > 0 && end - start < MAX_TOKEN && !isSpace(text.charCodeAt(start - 1))) start--;
  return { token: text.slice(start, end), start };
}

/** Reads the token starting at `index`; a quoted token may hold spaces. */
export function tokenAt(text: string, index: number): { token: string; end: number } {
  const quote = text[index];
  if (quote === '"' || quote === "'") {
    const close = text.indexOf(quote, index + 1);
    if (close > index && close - index < MAX_TOKEN) return { token: text.slice(index + 1, close), end: close + 1 };
  }
  let end = index;
  while (end < text.length && end - index < MAX_TOKEN && !isSpace(text.charCodeAt(end))) end++;
  return { token: text.slice(index, end), end };
}

/**
 * An unquoted resource ends at a double quote: a message inside one-line JSON (`…role/worker","code":"…"`) runs on
 * into the next field with no space, and IAM names never hold one. An escaped quote's backslash goes with it.
 */
export function unquotedUpToQuote(
  token: { token: string; end: number },
  quoted: boolean,
): { token: string; end: number } {
  const quote = quoted || !isLetter(token.token.charCodeAt(0)) ? -1 : token.token.indexOf('"');
  if (quote <= 0) return token;
  const cut = token.token.charCodeAt(quote - 1) === 92 ? quote - 1 : quote;
  return { token: token.token.slice(0, cut), end: token.end - token.token.length + cut };
}

/**
 * A redacted last segment ("assumed-role/.../...") or a name a log cut short ("…/MyStack-Container...") is part of the
 * ARN, not a full stop: the ellipsis stays, so the name reads as unreadable rather than whole.
 */
function endsRedacted(token: string): boolean {
  return token.endsWith("/...") || token.endsWith(":...") || (token.startsWith("arn:") && token.endsWith("..."));
}

function isGreaterThan(code: number): boolean {
  return code === 62;
}

const OPENER_OF: Record<number, string> = { 41: "(", 93: "[", 125: "{" };

function countOf(text: string, character: string): number {
  let count = 0;
  for (let at = text.indexOf(character); at !== -1; at = text.indexOf(character, at + 1)) count++;
  return count;
}

/**
 * Closing punctuation off the token's end, except a bracket that closes one the token opened: a writer's
 * `{redacted}` or `[assumed-role]` placeholder keeps its bracket, so it reads as one placeholder, not as a name.
 */
function trimClosingPunctuation(token: string): string {
  let end = token.length;
  while (end > 0 && isClosingPunctuation(token.charCodeAt(end - 1))) {
    const opener = OPENER_OF[token.charCodeAt(end - 1)];
    const kept = token.slice(0, end);
    if (opener && countOf(kept, opener) >= countOf(kept, kept.charAt(end - 1))) break;
    end--;
  }
  return end === token.length ? token : token.slice(0, end);
}

export function trimTrailingPunctuation(token: string): string {
  const withoutClosingTag = token.includes("</") ? token.replace(CLOSING_TAG_TO_END, "") : token;
  const trimmed = endsRedacted(withoutClosingTag) ? withoutClosingTag : trimClosingPunctuation(withoutClosingTag);
  return trimmed.includes("<") ? trimmed : trimEndWhere(trimmed, isGreaterThan);
}
