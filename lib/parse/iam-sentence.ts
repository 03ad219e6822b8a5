import { RESOURCE_DESCRIPTORS } from "../iam";
import type { PolicyType, StatedReason } from "../model";
import { joinElided, splitPrincipal } from "./split-arns";

/** What one "User: … is not authorized to perform: …" sentence says. */
export interface IamSentence {
  principal: string | null;
  action: string;
  resource: string | null;
  statedPolicyType: PolicyType | null;
  transitivePolicyType: PolicyType | null;
  statedReason: StatedReason;
  /**
   * The action the reason names, when it is another service's: a permission-only action the call also needs
   * ("…perform: ec2:CreateVpcEndpoint … because no identity-based policy allows the vpce:AllowMultiRegion action").
   */
  reasonAction: string | null;
  /** The denying policy's ARN, when AWS's newer format names it after the reason. */
  policyArn: string | null;
  /** The IAM Access Troubleshooter's authorization id, when the message ends with one. */
  authorizationId: string | null;
  /** Index just past the sentence, where scanning for the next one may resume. */
  end: number;
}

export const IAM_ANCHOR = "is not authorized to perform";

const MAX_TOKEN = 2048;

/** Policy-type phrases exactly as AWS writes them, including its typos ("sessions policy"). */
const POLICY_PHRASES: [string, PolicyType][] = [
  ["identity-based policy", "identity-based"],
  ["resource-based policy", "resource-based"],
  ["service control policy", "service-control"],
  ["resource control policy", "resource-control"],
  ["permissions boundary", "permissions-boundary"],
  ["sessions policy", "session"],
  ["session policy", "session"],
  ["vpc endpoint policy", "vpc-endpoint"],
  ["role trust policy", "role-trust"],
  ["trust policy", "role-trust"],
];
const POLICY_ALTERNATION = POLICY_PHRASES.map(([phrase]) => phrase.replace(/[-]/g, "\\-")).join("|");

/** A reason pattern whose words may be split by any run of whitespace (line breaks, doubled spaces). */
function reasonPattern(source: string): RegExp {
  return new RegExp(source.replaceAll(" ", "\\s+"), "ig");
}

// Not sticky: the reason is looked for anywhere between the action and the next sentence.
// The action is optional: quoted fragments stop after "allows" ("… because no permissions boundary allows`)").
const NO_ALLOW = reasonPattern(
  `because (?:no|the) (${POLICY_ALTERNATION}) (?:allows|does not allow)(?: the (\\S+) action)?`,
);
// Some services (EKS, older messages) stop after "with an explicit deny": a Deny all the same, in a policy not named.
const EXPLICIT_DENY = reasonPattern(
  `with an explicit deny(?: in (?:a|an|the) (${POLICY_ALTERNATION})(?: transitively through (?:a|an|the) (${POLICY_ALTERNATION}))?)?`,
);
const BLOCK_PUBLIC_ACCESS = reasonPattern(
  "because public (?:ACLs|policies) are prevented by the \\w+ setting in S3 Block Public Access",
);
// KMS's newer wording names the resource-based policy (the key policy) among three causes it does not tell apart.
const NO_RESOURCE_POLICY_ALLOWS = reasonPattern(
  "because the resource does not exist in this Region, no resource-based policies allow access, or a resource-based policy explicitly denies access",
);
const REASONS = [NO_ALLOW, EXPLICIT_DENY, BLOCK_PUBLIC_ACCESS, NO_RESOURCE_POLICY_ALLOWS];
/** The reasons whose words say the policy type and the verdict outright, with no policy phrase to read. */
const FIXED_REASONS = new Map<RegExp, Pick<IamSentence, "statedPolicyType" | "statedReason">>([
  [BLOCK_PUBLIC_ACCESS, { statedPolicyType: "s3-block-public-access", statedReason: "explicit-deny" }],
  [NO_RESOURCE_POLICY_ALLOWS, { statedPolicyType: "resource-based", statedReason: "no-allow" }],
]);
// ": arn:aws:organizations::…:policy/…" right after the reason; the ARN ends at the first space.
const POLICY_ARN_AFTER_REASON = /:[ \t\n]{0,4}(arn:[^\s"'`<>]{1,400})/y;
// The console link "#/authorization-details/<id>" or "… the following authorization id: <id>".
const AUTHORIZATION_ID = /(?:#\/authorization-details\/|authorization id:[ \t\n]{0,4})([0-9A-Za-z]{1,128})/g;
// Group 1 is set when the sentence says "on this resource" instead of naming one.
const ON_RESOURCE = /\s+on\s+(?:resource:?\s*|(this resource))/iy;
const ACTION_SHAPE = /^[A-Za-z0-9-]+:[A-Za-z0-9*]+$/;
const USER_PREFIX = /^User:?/i;
const MARKDOWN_STARS = /^\*+|\*\*+$/g;
const USER_ONLY = /^user:?$/i;
const CLOSING_TAG_TO_END = /<\/\w*>?.*$/;

const POLICY_TYPE_OF_PHRASE = new Map(POLICY_PHRASES);

function policyTypeOf(phrase: string | undefined): PolicyType | null {
  if (!phrase) return null;
  // AWS writes the phrases in lower case: look the phrase up as is before lower-casing a copy.
  const spaced = /\s\s|[\t\n]/.test(phrase) ? phrase.replace(/\s+/g, " ") : phrase;
  return POLICY_TYPE_OF_PHRASE.get(spaced) ?? POLICY_TYPE_OF_PHRASE.get(spaced.toLowerCase()) ?? null;
}

// Character codes rather than one-character strings: these scans touch every character of a sentence.
function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10;
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isQuote(code: number): boolean {
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

function stripQuotes(token: string): string {
  let start = 0;
  while (start < token.length && isQuote(token.charCodeAt(start))) start++;
  return trimEndWhere(start === 0 ? token : token.slice(start), isQuote);
}

/** Reads the whitespace-delimited token that ends just before `index`. */
function tokenBefore(text: string, index: number): { token: string; start: number } {
  let end = index;
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > 0 && end - start < MAX_TOKEN && !isSpace(text.charCodeAt(start - 1))) start--;
  return { token: text.slice(start, end), start };
}

/** Reads the token starting at `index`; a quoted token may hold spaces. */
function tokenAt(text: string, index: number): { token: string; end: number } {
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
function unquotedUpToQuote(token: { token: string; end: number }, quoted: boolean): { token: string; end: number } {
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

function trimTrailingPunctuation(token: string): string {
  const withoutClosingTag = token.includes("</") ? token.replace(CLOSING_TAG_TO_END, "") : token;
  const trimmed = endsRedacted(withoutClosingTag) ? withoutClosingTag : trimClosingPunctuation(withoutClosingTag);
  return trimmed.includes("<") ? trimmed : trimEndWhere(trimmed, isGreaterThan);
}

/** An action cut by a line break inside its name ("cloudforma" / "tion:DescribeStacks"): only a cut one is joined. */
const CUT_ACTION = /^[A-Za-z0-9-]{1,40}(?::[A-Za-z0-9]{0,80})?$/;

// A shell's or a log's line continuation (`…:ListHostedZones\` at the end of a line) is not part of the action.
const TRAILING_BACKSLASHES = /\\+$/;

function actionOf(token: string): string {
  const raw = trimTrailingPunctuation(
    stripQuotes(token.endsWith("\\") ? token.replace(TRAILING_BACKSLASHES, "") : token),
  );
  return raw.startsWith("**") ? raw.replace(MARKDOWN_STARS, "") : raw;
}

/**
 * The action after the anchor, cut where a one-line JSON message runs on into its next field (`…ByName","time"`),
 * and read across a line break that cut its name. Null when no action stands there.
 */
function readAction(text: string, cursor: number): { action: string; end: number } | null {
  const token = unquotedUpToQuote(tokenAt(text, cursor), isQuote(text.charCodeAt(cursor)));
  const action = actionOf(token.token);
  if (ACTION_SHAPE.test(action)) return { action, end: token.end };
  if (text.charCodeAt(token.end) !== 10 || !CUT_ACTION.test(action)) return null;
  const rest = unquotedUpToQuote(tokenAt(text, token.end + 1), false);
  const joined = action + actionOf(rest.token);
  return ACTION_SHAPE.test(joined) ? { action: joined, end: rest.end } : null;
}

/**
 * Parses the IAM authorization sentence whose anchor phrase starts at `anchor`.
 * Scans by hand rather than with one big regex so the cost stays linear in the input.
 */
export function parseIamSentence(text: string, anchor: number, limit = text.length): IamSentence | null {
  const before = tokenBefore(text, anchor);
  const principal = principalFrom(text, before);

  let cursor = anchor + IAM_ANCHOR.length;
  if (text[cursor] === ":") cursor++;
  while (isSpace(text.charCodeAt(cursor))) cursor++;
  const actionToken = readAction(text, cursor);
  if (!actionToken) return null;
  const { action } = actionToken;
  cursor = actionToken.end;

  let resource: string | null = null;
  ON_RESOURCE.lastIndex = cursor;
  const onResource = ON_RESOURCE.exec(text);
  if (onResource) {
    cursor = ON_RESOURCE.lastIndex;
    if (onResource[1] === undefined) {
      const read = readResource(text, cursor);
      resource = read.resource;
      cursor = read.end;
    }
  }

  const reason = readReason(text, cursor, limit, action);
  return {
    principal: unlessShellVariable(principal),
    action,
    resource: unlessShellVariable(resource),
    ...reason,
    authorizationId: findAuthorizationId(text, reason.end, limit),
  };
}

// A script's or a doc's variable left unexpanded (`User: $user_arn`, `${FUNCTION_ARN}`) names no value.
const SHELL_VARIABLE = /^\$\{?[A-Za-z_][A-Za-z0-9_]{0,60}\}?$/;

function unlessShellVariable(value: string | null): string | null {
  return value !== null && value.startsWith("$") && SHELL_VARIABLE.test(value) ? null : value;
}

// What a logger puts where it cut a long message: Guzzle's " (truncated...)", an ellipsis.
const CUT_MARK = /^[A-Za-z0-9:-]{0,80}(?:\s{0,2}\(truncated|\.\.\.|…)/;

/**
 * The caller of a sentence a logger cut before its action was whole ("…user/lingchen is not authorized to perform:
 * s (truncated...)"); null when the action is whole or not cut off that way.
 */
export function parseCutSentence(text: string, anchor: number): { principal: string | null } | null {
  let cursor = anchor + IAM_ANCHOR.length;
  if (text[cursor] === ":") cursor++;
  while (isSpace(text.charCodeAt(cursor))) cursor++;
  if (readAction(text, cursor) || !CUT_MARK.test(text.slice(cursor, cursor + 100))) return null;
  return { principal: principalFrom(text, tokenBefore(text, anchor)) };
}

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

function readResource(text: string, cursor: number): { resource: string | null; end: number } {
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

function findAuthorizationId(text: string, from: number, limit: number): string | null {
  if (from >= limit) return null;
  AUTHORIZATION_ID.lastIndex = 0;
  return AUTHORIZATION_ID.exec(text.slice(from, limit))?.[1] ?? null;
}

/** Tokens kept as the principal whatever stands before them: an ARN, a writer's placeholder, an anonymous caller. */
const WHOLE_PRINCIPAL = /^arn:|[<>{}]|^an+on+y?m+o?u?s$|^[a-z0-9-]{1,60}\.amazonaws\.com$/i;

function principalFrom(text: string, before: { token: string; start: number }): string | null {
  const { token } = before;
  const cleaned = trimTrailingPunctuation(stripQuotes(token.replace(USER_PREFIX, "")));
  if (!cleaned || USER_ONLY.test(token)) return null;
  if (WHOLE_PRINCIPAL.test(cleaned) || USER_PREFIX.test(token)) return cleaned;
  return splitPrincipal(text, cleaned, before.start);
}

type Reason = Pick<
  IamSentence,
  "statedPolicyType" | "transitivePolicyType" | "statedReason" | "reasonAction" | "policyArn" | "end"
>;

/** The first reason clause between `cursor` and `limit` (the next sentence), wherever it stands. */
function otherAction(named: string | undefined, action: string): string | null {
  const cleaned = named ? trimTrailingPunctuation(stripQuotes(named)) : "";
  // Only another service's action: AWS's own examples misspell the same action in the reason ("ListRespositories").
  return ACTION_SHAPE.test(cleaned) && servicePrefixOf(cleaned) !== servicePrefixOf(action) ? cleaned : null;
}

function servicePrefixOf(action: string): string {
  return action.slice(0, action.indexOf(":")).toLowerCase();
}

/** A reason clause standing without its sentence, and the action it names (null when it names none). */
export type ReasonFragment = Omit<Reason, "end"> & { action: string | null };

/**
 * Reads a reason clause that stands without its "User: … is not authorized to perform: …" sentence (a quoted
 * fragment, or a sentence whose action AWS's doc wrote as "API action"). Null when `text` holds no reason clause.
 */
export function parseReasonFragment(text: string): ReasonFragment | null {
  const reason = readReason(text, 0, text.length, "");
  if (reason.statedReason === "unstated") return null;
  const named = NO_ALLOW_NAMED.exec(text.slice(0, reason.end))?.[1];
  const cleaned = named ? trimTrailingPunctuation(stripQuotes(named)) : "";
  return {
    statedPolicyType: reason.statedPolicyType,
    transitivePolicyType: reason.transitivePolicyType,
    statedReason: reason.statedReason,
    reasonAction: null,
    policyArn: reason.policyArn,
    action: ACTION_SHAPE.test(cleaned) ? cleaned : null,
  };
}

// The action of a no-allow clause, glued or not to what follows ("the iam:PassRole action(Service: Lambda…").
const NO_ALLOW_NAMED = /allows\s+the\s+([A-Za-z0-9-]{1,40}:[A-Za-z0-9*]{1,128})\s+action/i;

function readReason(text: string, cursor: number, limit: number, action: string): Reason {
  // Searched within a copy of the span alone, so that no search runs past the next sentence (linear overall).
  const span = text.slice(cursor, limit);
  let best: { pattern: RegExp; match: RegExpExecArray; end: number } | null = null;
  for (const pattern of REASONS) {
    pattern.lastIndex = 0;
    const match = pattern.exec(span);
    if (!match || (best && match.index >= best.match.index)) continue;
    best = { pattern, match, end: cursor + pattern.lastIndex };
  }
  if (!best) {
    return {
      statedPolicyType: null,
      transitivePolicyType: null,
      statedReason: "unstated",
      reasonAction: null,
      policyArn: null,
      end: cursor,
    };
  }
  const { pattern, match, end } = best;
  const fixed = FIXED_REASONS.get(pattern);
  if (fixed) return { ...fixed, transitivePolicyType: null, reasonAction: null, policyArn: null, end };
  POLICY_ARN_AFTER_REASON.lastIndex = end;
  const arn = POLICY_ARN_AFTER_REASON.exec(text);
  return {
    statedPolicyType: policyTypeOf(match[1]),
    transitivePolicyType: policyTypeOf(match[2]),
    statedReason: pattern === NO_ALLOW ? "no-allow" : "explicit-deny",
    reasonAction: pattern === NO_ALLOW ? otherAction(match[2], action) : null,
    policyArn: arn ? trimTrailingPunctuation(arn[1] ?? "") || null : null,
    end: arn ? POLICY_ARN_AFTER_REASON.lastIndex : end,
  };
}
