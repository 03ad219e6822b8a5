import { ARN_PRIORITY, nameToken, type Part, type Token } from "./tokens";

/** Already-redacted or templated names (`XXXX`, `...`, `<role-name>`, `${Name}`): no secret, and the engine knows them. */
const PLACEHOLDER = /^X{3,}$|\.\.\.|[<>]|\$\{/i;
const ACCOUNT_DIGITS = /^\d{12}$/;
/** Versions, qualifiers and stream timestamps: digits say nothing about whose resource it is. */
const OTHER_DIGITS = /^\d[\dT.-]*$/;
const UUID = /^(?:mrk-)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Resource ids with a documented prefix (`i-0abc…`, `vpce-…`, `o-…`, `p-…`): the prefix says what it is. */
const PREFIXED_IDS = [
  /^(i|vpc|vpce|sg|subnet|ami|eni|snap|vol|igw|nat|rtb|tgw|lt)-([0-9a-f]{8,17})$/,
  /^(o|r)-([0-9a-z]{4,32})$/,
  /^(p)-([0-9a-z]{8,128})$/,
  /^(ou)-([0-9a-z]{4,32}-[0-9a-z]{8,32})$/,
];
/** IAM unique ids and access keys (and the docs' short `AROAEXAMPLE`): the four-letter prefix says what kind of principal or key it is. */
const UNIQUE_ID = /^(AKIA|ASIA|AROA|AIDA|AGPA|ANPA|ANVA|AIPA|APKA|ABIA|ACCA)([A-Z0-9]{4,128})$/;
/**
 * Session-name prefixes the engine reads as "not a Lambda function's own session" (Lambda's internal `awslambda_<n>`,
 * SDK and CI tools): kept, with digits after them, so the caller reads the same.
 */
const TOOL_SESSION =
  /^(awslambda_|botocore-session-|aws-go-sdk-|aws-sdk-[a-z]*-?|aws-cli-|gha-|GitHubActions|terraform-?|cdk-)(.*)$/i;
const SSO_ROLE = /^(AWSReservedSSO_)(.+?)(?:_([0-9a-f]{16}))?$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$/;
const WILDCARDS = /([*?]+)/;

/** Words AWS itself puts in names and paths: kept so service-linked roles and log groups still read as such. */
const AWS_WORDS = new Set([
  "service-role",
  "aws-service-role",
  "aws-reserved",
  "sso.amazonaws.com",
  "aws",
  "lambda",
  "CognitoIdentityCredentials",
]);

/** True when a piece of a name carries no secret: a wildcard, a placeholder, a `$LATEST` qualifier, AWS's own words. */
function isPublic(piece: string): boolean {
  return (
    piece === "" ||
    /^[*?]+$/.test(piece) ||
    PLACEHOLDER.test(piece) ||
    piece.startsWith("$") ||
    AWS_WORDS.has(piece) ||
    piece.endsWith(".amazonaws.com") ||
    piece.startsWith("AWSServiceRoleFor")
  );
}

/** Masks one name (a path segment, a bucket, a session…) as `label-n`, keeping what the engine reads in its shape. */
export function maskName(name: string, label: string, priority = ARN_PRIORITY): Part[] {
  if (isPublic(name)) return [name];
  if (ACCOUNT_DIGITS.test(name)) return [{ original: name, shape: { kind: "account" }, priority }];
  if (OTHER_DIGITS.test(name)) return [name];
  const shaped = shapedToken(name, priority);
  if (shaped) return [shaped];
  const sso = SSO_ROLE.exec(name);
  if (sso) {
    const [, prefix = "", permissionSet = "", suffix] = sso;
    const parts: Part[] = [prefix, ...maskName(permissionSet, "permission-set", priority)];
    return suffix ? [...parts, "_", { original: suffix, shape: { kind: "hex", width: 16 }, priority }] : parts;
  }
  if (WILDCARDS.test(name)) {
    return name
      .split(WILDCARDS)
      .flatMap((piece, index) => (index % 2 === 1 ? [piece] : maskName(piece, label, priority)));
  }
  return [nameToken(name, label, priority)];
}

function shapedToken(name: string, priority: number): Token | null {
  if (UUID.test(name)) return { original: name, shape: { kind: "uuid" }, priority };
  if (EMAIL.test(name)) return { original: name, shape: { kind: "email" }, priority };
  const prefixed = [...PREFIXED_IDS, UNIQUE_ID].map((pattern) => pattern.exec(name)).find((match) => match !== null);
  if (prefixed) {
    const [, prefix = "", id = ""] = prefixed;
    const separator = name.charAt(prefix.length) === "-" ? "-" : "";
    return { original: name, shape: { kind: "prefixed", prefix: prefix + separator, width: id.length }, priority };
  }
  return null;
}

/**
 * Masks a role session name, keeping what tells the engine who the caller is: Lambda's internal sessions, SDK and
 * CI tool prefixes, instance ids and e-mail addresses keep their shape.
 */
export function maskSession(session: string, priority = ARN_PRIORITY): Part[] {
  const tool = TOOL_SESSION.exec(session);
  if (tool) {
    const [, prefix = "", rest = ""] = tool;
    if (!rest || isPublic(rest)) return [session];
    return [{ original: session, shape: { kind: "prefixed", prefix, width: rest.length }, priority }];
  }
  return maskName(session, "session", priority);
}
