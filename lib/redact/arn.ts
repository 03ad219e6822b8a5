import { isFunctionSession } from "../iam";
import { kebabCase } from "../kebab-case";
import { maskName, maskSession } from "./names";
import { ARN_PRIORITY, type Part, type Span } from "./tokens";

/** The four fixed fields of an ARN; the resource is read after it by hand, up to the first character no ARN holds. */
const ARN_HEAD = /arn:(aws[a-z-]*):([A-Za-z0-9-]+):([a-z0-9-]*):([^:\s"'\\]*):/;
const ACCOUNT_ID = /^\d{12}$/;
/** Characters that end an ARN in prose, quotes, XML, JSON (escaped or not) and log lines. */
const ARN_STOP = new Set([..." \t\r\n\"'\\<>,;()[]{}|`"]);
const TYPE_WORD = /^[A-Za-z][A-Za-z_-]*$/;
/** Words inside a resource that name a kind of sub-resource, not a resource: kept so the shape still reads. */
const SUBTYPES = new Set([
  "stream",
  "index",
  "log-stream",
  "alias",
  "object",
  "execution",
  "version",
  "service_control_policy",
  "resource_control_policy",
  "tag_policy",
  "backup_policy",
  "aiservices_opt_out_policy",
]);
const SINGLETONS = new Set(["root", "*"]);
/** Services whose resource starts with a name, not a resource type. */
const NAME_FIRST: Record<string, string> = { sqs: "queue", sns: "topic", "execute-api": "api" };
const HTTP_METHOD = /^(?:GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS|ANY)$/;

/** Every ARN in the text, with its account id and the name parts of its resource masked. */
export function arnSpans(text: string): Span[] {
  const spans: Span[] = [];
  const heads = new RegExp(ARN_HEAD.source, "g");
  for (let match = heads.exec(text); match !== null; match = heads.exec(text)) {
    const [head, partition = "", service = "", region = "", account = ""] = match;
    const start = match.index;
    let end = start + head.length;
    // An ARN inside the resource (a call that passed an ARN where a name belonged) is masked as an ARN of its own.
    const nested = text.indexOf("arn:", end);
    const limit = nested === -1 ? text.length : nested;
    while (end < limit && !ARN_STOP.has(text.charAt(end))) end++;
    while (end > start + head.length && text.charAt(end - 1) === ".") end--;
    // "…/AWSReservedSSO_developeris not authorized": the sentence's "is" glued to the name is not part of it.
    if (text.startsWith(GLUED_ANCHOR, end - 2)) end -= 2;
    // The next ARN can only start after this one: resuming inside it would read the same resource again.
    heads.lastIndex = Math.max(end, start + head.length);
    const resource = text.slice(start + head.length, end);
    const accountPart: Part[] = accountParts(account);
    const wrapped = service === "sts" ? wrappedSessionAt(text, end, resource) : null;
    // AWS-managed policies (account "aws") are public; their names are the same in every account.
    const resourceParts = account === "aws" ? [resource] : maskResource(service, account, resource, wrapped?.labels);
    spans.push({
      start,
      end,
      parts: [`arn:${partition}:${service}:${region}:`, ...accountPart, ":", ...resourceParts],
    });
    if (wrapped) spans.push(wrapped.span);
  }
  return spans;
}

/** A writer's brackets around a real account id (`<111122223333>`) hide nothing: the digits are masked inside them. */
const BRACKETED_ACCOUNT = /^<(\d{12})>$/;

function accountParts(account: string): Part[] {
  const digits = ACCOUNT_ID.test(account) ? account : BRACKETED_ACCOUNT.exec(account)?.[1];
  if (!digits) return [account];
  const masked: Part = { original: digits, shape: { kind: "account" }, priority: ARN_PRIORITY };
  return digits === account ? [masked] : ["<", masked, ">"];
}

const GLUED_ANCHOR = "is not authorized to perform";
/** The rest of a session ARN a line break wrapped inside its role name: `bServiceRole-1A2B/my-function`. */
const WRAPPED_REST = /\n([^\s/]{1,128})\/([^\s/]{1,64})(?=\s)/y;

/**
 * A session ARN cut by a line break inside its role name (`…:assumed-role/my-fn-Serv\nRole-1A2B/my-fn is not…`),
 * which the parser reads as one ARN: its second half masked as a span of its own, and the role's and session's
 * labels chosen from the whole names.
 */
function wrappedSessionAt(
  text: string,
  end: number,
  resource: string,
): { labels: [string, string]; span: Span } | null {
  const role = /^assumed-role\/([^/]+)$/.exec(resource)?.[1];
  if (role === undefined) return null;
  WRAPPED_REST.lastIndex = end;
  const rest = WRAPPED_REST.exec(text);
  if (!rest) return null;
  const [, roleRest = "", session = ""] = rest;
  const labels = assumedRoleLabels(["assumed-role", role + roleRest, session]);
  const sessionParts = maskPiece(session, labels[1]);
  return {
    labels,
    span: {
      start: end + 1,
      end: WRAPPED_REST.lastIndex,
      parts: [...maskName(roleRest, labels[0]), "/", ...sessionParts],
    },
  };
}

/** Masks one segment under its label: a session keeps the shapes the engine reads in it. */
function maskPiece(piece: string, label: string): Part[] {
  return label === "session" ? maskSession(piece) : maskName(piece, label);
}

/** Masks the name parts of an ARN's resource (`role/path/name`, `function:name:alias`, `bucket/key`), keeping its types. */
function maskResource(service: string, account: string, resource: string, roleLabels?: [string, string]): Part[] {
  const pieces = resource.split(/([/:])/);
  const segments = pieces.filter((_, index) => index % 2 === 0);
  const labels = roleLabels ? [undefined, ...roleLabels] : segmentLabels(service, account, segments);
  return pieces.flatMap((piece, index) => {
    if (index % 2 === 1) return [piece];
    const label = labels[index / 2];
    if (label === undefined) return [piece];
    return maskPiece(piece, label);
  });
}

/** What each segment is: a label to mask it under, or undefined to keep it (a type word, a method, a wildcard). */
function segmentLabels(service: string, account: string, segments: string[]): (string | undefined)[] {
  if (service === "s3" && account === "") return segments.map((_, index) => (index === 0 ? "bucket" : "object"));
  const nameFirst = NAME_FIRST[service];
  if (nameFirst) return segments.map((segment) => (HTTP_METHOD.test(segment) ? undefined : nameFirst));
  const [first = ""] = segments;
  if (segments.length === 1) return [SINGLETONS.has(first) ? undefined : service];
  if (!TYPE_WORD.test(first)) return segments.map(() => service);
  let label = kebabCase(first);
  return segments.map((segment, index) => {
    if (index === 0) return undefined;
    if (first === "assumed-role") return assumedRoleLabels(segments)[index - 1];
    if (SUBTYPES.has(segment)) {
      label = kebabCase(segment);
      return undefined;
    }
    return label;
  });
}

/**
 * A role and a session that name each other as a Lambda function's do are masked as `function-role-n` and
 * `function-n`, so the engine still reads the caller as that function; any other pair as `role-n` and `session-n`.
 */
/** An identity pool's guest role (`Cognito_poolUnauth_Role`, Amplify's `…-unauthRole`): the engine reads the word. */
const GUEST_ROLE = /unauth/i;

function assumedRoleLabels([, role = "", session = ""]: string[]): [string, string] {
  if (isFunctionSession(role, session)) return ["function-role", "function"];
  return [GUEST_ROLE.test(role) ? "unauth-role" : "role", "session"];
}
