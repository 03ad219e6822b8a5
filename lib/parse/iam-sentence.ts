import type { PolicyType, StatedReason } from "../model";
import { readResource } from "./sentence-resource";
import {
  isQuote,
  isSpace,
  stripQuotes,
  tokenAt,
  tokenBefore,
  trimTrailingPunctuation,
  unquotedUpToQuote,
} from "./sentence-tokens";
import { splitPrincipal } from "./split-arns";

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

const POLICY_TYPE_OF_PHRASE = new Map(POLICY_PHRASES);

function policyTypeOf(phrase: string | undefined): PolicyType | null {
  if (!phrase) return null;
  // AWS writes the phrases in lower case: look the phrase up as is before lower-casing a copy.
  const spaced = /\s\s|[\t\n]/.test(phrase) ? phrase.replace(/\s+/g, " ") : phrase;
  return POLICY_TYPE_OF_PHRASE.get(spaced) ?? POLICY_TYPE_OF_PHRASE.get(spaced.toLowerCase()) ?? null;
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

// What a logger puts where it cut a long message: Guzzle's " (truncated...)", an ellipsis; or the line simply ends
// (a page that quoted the message up to "perform"); or AWS itself wrote no action (Greengrass' "perform: null").
const CUT_MARK = /^[A-Za-z0-9:-]{0,80}(?:\s{0,2}\(truncated|\.\.\.|…)|^[`'"\])}]{0,3}\s*$|^null\b/;

// An action the writer replaced by a placeholder, keeping its service: `transcribe:<action>`, `s3:{action}`.
const HIDDEN_ACTION = /^[`'"]?([a-z0-9-]{2,40}):(?:<[^<>\s]{1,40}>|\{[^{}\s]{1,40}\}|\.\.\.|…)/;

/**
 * The caller of a sentence whose action a logger cut before it was whole ("…user/lingchen is not authorized to perform:
 * s (truncated...)") or a writer hid (`transcribe:<action>`), with the service when it still shows; null when the
 * action is whole or not cut off or hidden that way.
 */
export function parseCutSentence(
  text: string,
  anchor: number,
): { principal: string | null; service: string | null } | null {
  let cursor = anchor + IAM_ANCHOR.length;
  if (text[cursor] === ":") cursor++;
  while (isSpace(text.charCodeAt(cursor))) cursor++;
  if (readAction(text, cursor)) return null;
  const rest = text.slice(cursor, cursor + 100);
  const hidden = HIDDEN_ACTION.exec(rest);
  if (!hidden && !CUT_MARK.test(rest)) return null;
  return { principal: principalFrom(text, tokenBefore(text, anchor)), service: hidden?.[1] ?? null };
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
