import { RESOURCE_DESCRIPTORS } from "../iam";
import { isQuote, isSpace, stripQuotes, tokenAt, trimTrailingPunctuation, unquotedUpToQuote } from "./sentence-tokens";
import { joinElided } from "./split-arns";

/** An ARN has five colons before its resource; fewer, and a line break right after, means the paste wrapped it. */
const ARN_FIELD_COLONS = 5;

function colonsIn(token: string): number {
  let count = 0;
  for (let at = token.indexOf(":"); at !== -1 && count < ARN_FIELD_COLONS; at = token.indexOf(":", at + 1)) count++;
  return count;
}

/** The index past the spaces and tabs at `from` (not line breaks). */
function afterBlanks(text: string, from: number): number {
  let at = from;
  while (text.charCodeAt(at) === 32 || text.charCodeAt(at) === 9) at++;
  return at;
}

/**
 * The ARN a line break cut inside its fields (`arn:aws:dynamodb:ap-southeast-1` / `:450266975445:table/stocks`), read
 * across the break: the next line's first token completes it. Null when `token` is whole or the break is not there.
 */
function joinWrappedArn(text: string, token: { token: string; end: number }): { token: string; end: number } | null {
  if (!token.token.startsWith("arn:") || colonsIn(token.token) >= ARN_FIELD_COLONS) return null;
  const lineEnd = afterBlanks(text, token.end);
  if (text.charCodeAt(lineEnd) !== 10) return null;
  const rest = tokenAt(text, afterBlanks(text, lineEnd + 1));
  const joined = token.token + rest.token;
  return rest.token && colonsIn(joined) >= ARN_FIELD_COLONS ? { token: joined, end: rest.end } : null;
}

// The words after a resource ARN's name, up to the reason on the same line: a Glue job or a console name may hold spaces.
const SPACED_NAME_REST =
  /((?: (?!because |with an explicit deny)[^\s:()"'`<>]{1,80}){1,12})(?= because | with an explicit deny)/y;

/** A named resource's ARN whose name runs on, with spaces, to the reason clause (`job/Copy landing zone to raw because`). */
function spacedNameAfter(text: string, resource: string, end: number): { resource: string; end: number } | null {
  if (!resource.startsWith("arn:") || !resource.includes("/") || text.charCodeAt(end) !== 32) return null;
  SPACED_NAME_REST.lastIndex = end;
  const rest = SPACED_NAME_REST.exec(text);
  return rest ? { resource: resource + (rest[1] ?? ""), end: SPACED_NAME_REST.lastIndex } : null;
}

/**
 * The ARN a redaction broke with a space before its next field (`arn:aws:cloudformation:eu-central-1:xxxx :stack/…`),
 * read whole: the next token starts with that field's colon. Null when `token` is whole or no such token follows.
 */
function joinSpacedArn(text: string, token: { token: string; end: number }): { token: string; end: number } | null {
  if (!token.token.startsWith("arn:") || colonsIn(token.token) >= ARN_FIELD_COLONS) return null;
  if (text.charCodeAt(token.end) !== 32 || text.charCodeAt(token.end + 1) !== 58) return null;
  const rest = tokenAt(text, token.end + 1);
  const joined = token.token + rest.token;
  return colonsIn(joined) >= ARN_FIELD_COLONS ? { token: joined, end: rest.end } : null;
}

/** The resource after "on resource:": an ARN (wrapped, elided or spaced by a paste), or a named resource. */
export function readResource(text: string, cursor: number): { resource: string | null; end: number } {
  const read = unquotedUpToQuote(tokenAt(text, cursor), isQuote(text.charCodeAt(cursor)));
  const token = joinWrappedArn(text, read) ?? joinSpacedArn(text, read) ?? read;
  const elided = joinElided(text, token.token, token.end);
  if (elided) return { resource: trimTrailingPunctuation(stripQuotes(elided.arn)), end: elided.end };
  const resource = trimTrailingPunctuation(stripQuotes(token.token)) || null;
  // "on resource (code AccessDeniedException)": a writer cut the ARN, and the parenthesis opens the SDK's details.
  if (resource?.startsWith("(")) return { resource: null, end: cursor };
  const spaced = resource ? spacedNameAfter(text, resource, token.end) : null;
  if (spaced) return spaced;
  if (!resource || !RESOURCE_DESCRIPTORS.has(resource)) return { resource, end: token.end };
  let next = token.end;
  while (isSpace(text.charCodeAt(next))) next++;
  const named = tokenAt(text, next);
  const name = trimTrailingPunctuation(stripQuotes(named.token));
  return name
    ? { resource: name.startsWith("arn:") ? name : `${resource} ${name}`, end: named.end }
    : { resource, end: token.end };
}
