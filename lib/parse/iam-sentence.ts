import type { PolicyType, StatedReason } from "../model";

/** What one "User: … is not authorized to perform: …" sentence says. */
export interface IamSentence {
  principal: string | null;
  action: string;
  resource: string | null;
  statedPolicyType: PolicyType | null;
  transitivePolicyType: PolicyType | null;
  statedReason: StatedReason;
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

const NO_ALLOW = new RegExp(`\\s*because no (${POLICY_ALTERNATION}) allows the \\S+ action`, "iy");
const EXPLICIT_DENY = new RegExp(
  `\\s*with an explicit deny in (?:a|an|the) (${POLICY_ALTERNATION})(?: transitively through (?:a|an|the) (${POLICY_ALTERNATION}))?`,
  "iy",
);
const BLOCK_PUBLIC_ACCESS =
  /\s*because public (?:ACLs|policies) are prevented by the \w+ setting in S3 Block Public Access/iy;
const REASONS = [NO_ALLOW, EXPLICIT_DENY, BLOCK_PUBLIC_ACCESS];
// Group 1 is set when the sentence says "on this resource" instead of naming one.
const ON_RESOURCE = /\s+on (?:resource:?\s*|(this resource))/iy;
const ACTION_SHAPE = /^[A-Za-z0-9-]+:[A-Za-z0-9*]+$/;
const USER_PREFIX = /^User:?/i;
const USER_ONLY = /^user:?$/i;
const CLOSING_TAG_TO_END = /<\/\w*>?.*$/;

const POLICY_TYPE_OF_PHRASE = new Map(POLICY_PHRASES);

function policyTypeOf(phrase: string | undefined): PolicyType | null {
  if (!phrase) return null;
  // AWS writes the phrases in lower case: look the phrase up as is before lower-casing a copy.
  return POLICY_TYPE_OF_PHRASE.get(phrase) ?? POLICY_TYPE_OF_PHRASE.get(phrase.toLowerCase()) ?? null;
}

// Character codes rather than one-character strings: these scans touch every character of a sentence.
function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10;
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

/** A redacted last segment ("assumed-role/.../...") is part of the ARN, not a full stop. */
function endsRedacted(token: string): boolean {
  return token.endsWith("/...") || token.endsWith(":...");
}

function isGreaterThan(code: number): boolean {
  return code === 62;
}

function trimTrailingPunctuation(token: string): string {
  const withoutClosingTag = token.includes("</") ? token.replace(CLOSING_TAG_TO_END, "") : token;
  const trimmed = endsRedacted(withoutClosingTag)
    ? withoutClosingTag
    : trimEndWhere(withoutClosingTag, isClosingPunctuation);
  return trimmed.includes("<") ? trimmed : trimEndWhere(trimmed, isGreaterThan);
}

/**
 * Parses the IAM authorization sentence whose anchor phrase starts at `anchor`.
 * Scans by hand rather than with one big regex so the cost stays linear in the input.
 */
export function parseIamSentence(text: string, anchor: number): IamSentence | null {
  const before = tokenBefore(text, anchor);
  const principal = principalFrom(before.token);

  let cursor = anchor + IAM_ANCHOR.length;
  if (text[cursor] === ":") cursor++;
  while (isSpace(text.charCodeAt(cursor))) cursor++;
  const actionToken = tokenAt(text, cursor);
  const action = trimTrailingPunctuation(stripQuotes(actionToken.token));
  if (!ACTION_SHAPE.test(action)) return null;
  cursor = actionToken.end;

  let resource: string | null = null;
  ON_RESOURCE.lastIndex = cursor;
  const onResource = ON_RESOURCE.exec(text);
  if (onResource) {
    cursor = ON_RESOURCE.lastIndex;
    if (onResource[1] === undefined) {
      const resourceToken = tokenAt(text, cursor);
      resource = trimTrailingPunctuation(stripQuotes(resourceToken.token)) || null;
      cursor = resourceToken.end;
    }
  }

  const reason = readReason(text, cursor);
  return {
    principal,
    action,
    resource,
    statedPolicyType: reason.statedPolicyType,
    transitivePolicyType: reason.transitivePolicyType,
    statedReason: reason.statedReason,
    end: reason.end,
  };
}

function principalFrom(token: string): string | null {
  const cleaned = trimTrailingPunctuation(stripQuotes(token.replace(USER_PREFIX, "")));
  if (!cleaned || USER_ONLY.test(token)) return null;
  return cleaned;
}

function readReason(text: string, cursor: number): Omit<IamSentence, "principal" | "action" | "resource"> {
  const unstated = {
    statedPolicyType: null,
    transitivePolicyType: null,
    statedReason: "unstated" as const,
    end: cursor,
  };
  for (const pattern of REASONS) {
    pattern.lastIndex = cursor;
    const match = pattern.exec(text);
    if (!match) continue;
    const end = pattern.lastIndex;
    if (pattern === BLOCK_PUBLIC_ACCESS) {
      return {
        statedPolicyType: "s3-block-public-access",
        transitivePolicyType: null,
        statedReason: "explicit-deny",
        end,
      };
    }
    return {
      statedPolicyType: policyTypeOf(match[1]),
      transitivePolicyType: policyTypeOf(match[2]),
      statedReason: pattern === NO_ALLOW ? "no-allow" : "explicit-deny",
      end,
    };
  }
  return unstated;
}
