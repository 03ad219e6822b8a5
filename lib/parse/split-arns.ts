/**
 * ARNs that pastes break apart: an account elided with spaces around it (`arn:aws:dynamodb:us-east-1: ... :table/T`),
 * a principal whose name was replaced by words (`arn:aws:iam::123456789012:user/user name`), a session ARN wrapped
 * at a line break, and a bare user name after "User:". Each read looks at a few characters at a known position.
 */

// The rest of an ARN after an elided field: " ... :table/T" (ASCII or Unicode ellipsis) right after a token ending in ":".
const ELIDED_REST = /[ \t]{1,4}(?:\.\.\.|…)[ \t]{1,4}(:[^\s"'`<>]{1,2048})/y;
// The token before a principal's last word: an ARN (after "User:" or a quote), then the gap that split it.
// A writer's placeholder (`<REDACTED>`, `<account-id>`) may stand for a field.
const ARN_BEFORE = /(?:^|[\s"'`])(?:User:?\s*)?["'`]?(arn:(?:[^\s"'`<>]|<[^\s"'`<>]{1,40}>){1,2048})(\s{1,4})$/i;
const ELIDED_BEFORE = /(?:^|[\s"'`])(?:User:?\s*)?["'`]?(arn:[^\s"'`<>]{0,2048}:)[ \t]{1,4}(?:\.\.\.|…)[ \t]{1,4}$/i;
const USER_BEFORE = /(?:^|[\s"'`])User:?\s{0,4}["'`]?$/i;
const AFTER_RESOURCE = /\bresource:?\s{0,4}["'`]?$/i;
/** Enough characters before an ARN to hold "on resource: ". */
const RESOURCE_WORDS = 16;
/** How far back a split principal's first part is looked for: an ARN's length. */
const LOOK_BACK = 2100;

/** The ARN continued past an elided field, when `end` (just past `token`) is followed by one; else null. */
export function joinElided(text: string, token: string, end: number): { arn: string; end: number } | null {
  if (!token.startsWith("arn:") || !token.endsWith(":")) return null;
  ELIDED_REST.lastIndex = end;
  const rest = ELIDED_REST.exec(text);
  return rest ? { arn: `${token}...${rest[1]}`, end: ELIDED_REST.lastIndex } : null;
}

/**
 * The principal whose last token (`token`, starting at `start`) is not an ARN: the ARN it completes (with a space when
 * words replaced the name, joined when a line break wrapped it), a bare user name after "User:", or null for any other
 * word ("The IAM Entity is not authorized…").
 */
export function splitPrincipal(text: string, token: string, start: number): string | null {
  const before = text.slice(Math.max(0, start - LOOK_BACK), start);
  const elided = token.startsWith(":") ? ELIDED_BEFORE.exec(before) : null;
  if (elided) return `${elided[1] ?? ""}...${token}`;
  const arn = ARN_BEFORE.exec(before);
  // The ARN an earlier sentence ended on ("… on resource: arn:…/my-consumer" / "xxx is not authorized …") is its
  // resource, not the first half of this principal.
  if (arn && !AFTER_RESOURCE.test(before.slice(Math.max(0, arn.index - RESOURCE_WORDS), arn.index + 1))) {
    const [, first = "", gap = ""] = arn;
    if (token.startsWith(":") && first.endsWith(":")) return null;
    return gap === "\n" ? `${first}${token}` : `${first} ${token}`;
  }
  return USER_BEFORE.test(before) ? token : null;
}
