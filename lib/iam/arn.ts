/** The parts of an ARN; `resource` is everything after the account field. */
export interface Arn {
  partition: string;
  service: string;
  region: string;
  account: string;
  resource: string;
}

/** Splits an ARN into its fields, or returns null when the text is not an ARN. */
export function parseArn(text: string): Arn | null {
  if (!text.startsWith("arn:")) return null;
  // Four indexOf calls instead of split + join: every record and candidate reads its ARNs.
  const partitionEnd = text.indexOf(":", 4);
  const serviceEnd = partitionEnd === -1 ? -1 : text.indexOf(":", partitionEnd + 1);
  const regionEnd = serviceEnd === -1 ? -1 : text.indexOf(":", serviceEnd + 1);
  const accountEnd = regionEnd === -1 ? -1 : text.indexOf(":", regionEnd + 1);
  if (accountEnd === -1) return null;
  const partition = text.slice(4, partitionEnd);
  const service = text.slice(partitionEnd + 1, serviceEnd);
  if (!partition || !service) return null;
  return {
    partition,
    service,
    region: text.slice(serviceEnd + 1, regionEnd),
    account: text.slice(regionEnd + 1, accountEnd),
    resource: text.slice(accountEnd + 1),
  };
}

/** True for a real 12-digit account id, false for redactions like `XXXX` or `<account-id>`. */
export function isAccountId(text: string | null | undefined): text is string {
  // Twelve char codes checked by hand: every record, subject and fix asks, and a regex call costs more than the scan.
  if (typeof text !== "string" || text.length !== 12) return false;
  for (let index = 0; index < 12; index++) {
    const code = text.charCodeAt(index);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/** A principal ARN read the way a fix needs it. */
export interface PrincipalInfo {
  kind: "assumed-role" | "role" | "user" | "root" | "service" | "anonymous" | "other";
  partition: string;
  account: string | null;
  /** Role or user name. */
  name: string | null;
  /** Session name of an assumed role: a Lambda function name for a function's own calls. */
  sessionName: string | null;
  /** The ARN a policy should name: the role ARN, never the temporary session ARN. */
  policyArn: string | null;
}

/** An IAM user name as some messages give it in place of the ARN ("User: cloud_user is not authorized…"). */
const BARE_USER_NAME = /^(?!\d+$|x{3,}$)[A-Za-z0-9_][\w+=,.@-]{0,63}$/i;
/** "annonymous", "anonymus": a retyped "anonymous", not a user of that name. */
const ANONYMOUS_TYPO = /^an+on+y?m+o?u?s$/i;

function isBareUserName(text: string): boolean {
  return BARE_USER_NAME.test(text) && !text.includes("...") && !ANONYMOUS_TYPO.test(text);
}

function bareUser(name: string): PrincipalInfo {
  return { kind: "user", partition: "aws", account: null, name, sessionName: null, policyArn: null };
}

const PRINCIPAL_HEADS: [head: string, service: string][] = [
  ["assumed-role/", "sts"],
  ["role/", "iam"],
  ["user/", "iam"],
];

/**
 * A principal ARN whose Region and account fields a redaction swallowed (`arn:aws:sts:XXXXXXXXXassumed-role/…`),
 * rebuilt around the part that still names it, with an empty account; the text as it was when none does.
 */
function withFieldsRestored(principal: string): string {
  if (!principal.startsWith("arn:")) return principal;
  for (const [head, service] of PRINCIPAL_HEADS) {
    const at = principal.indexOf(head);
    if (at !== -1) return `arn:${principal.split(":", 2)[1] || "aws"}:${service}:::${principal.slice(at)}`;
  }
  return principal;
}

/** Reads a principal ARN (user, role, assumed-role session, root, service), or a bare user name, into its parts. */
export function describePrincipal(principal: string | null): PrincipalInfo | null {
  if (!principal) return null;
  if (principal === "anonymous") {
    return { kind: "anonymous", partition: "aws", account: null, name: null, sessionName: null, policyArn: null };
  }
  if (principal.endsWith(".amazonaws.com")) {
    return { kind: "service", partition: "aws", account: null, name: principal, sessionName: null, policyArn: null };
  }
  const arn = parseArn(principal) ?? parseArn(withFieldsRestored(principal));
  if (!arn) return isBareUserName(principal) ? bareUser(principal) : null;
  const account = isAccountId(arn.account) ? arn.account : null;
  const accountField = account ?? "<ACCOUNT_ID>";
  const { resource } = arn;
  const headEnd = resource.indexOf("/");
  const head = headEnd === -1 ? resource : resource.slice(0, headEnd);
  const nameEnd = headEnd === -1 ? -1 : resource.indexOf("/", headEnd + 1);
  if (arn.service === "sts" && head === "assumed-role" && headEnd !== -1) {
    // A session ARN cut before its session name ("assumed-role/tester") still names the role.
    const name = resource.slice(headEnd + 1, nameEnd === -1 ? undefined : nameEnd);
    const sessionName = nameEnd === -1 ? null : resource.slice(nameEnd + 1);
    const policyArn = `arn:${arn.partition}:iam::${accountField}:role/${name}`;
    return { kind: "assumed-role", partition: arn.partition, account, name, sessionName, policyArn };
  }
  // A redacted account field (`***`, `XXXXXXXXXXXX`) is a hole in the ARN a policy names, not a value.
  const iamArn = account || !arn.account ? principal : `arn:${arn.partition}:iam::${accountField}:${resource}`;
  if (arn.service === "iam" && (head === "role" || head === "user")) {
    const name = resource.slice(resource.lastIndexOf("/") + 1);
    const kind = head === "role" ? "role" : "user";
    return { kind, partition: arn.partition, account, name, sessionName: null, policyArn: iamArn };
  }
  if (arn.service === "iam" && arn.resource === "root") {
    return { kind: "root", partition: arn.partition, account, name: null, sessionName: null, policyArn: iamArn };
  }
  return { kind: "other", partition: arn.partition, account, name: null, sessionName: null, policyArn: principal };
}

/**
 * The ARN inside another ARN's resource (`…:deliverystream/arn:aws:firehose:…:deliverystream/events`): the call passed
 * an ARN where the API wanted a name, and AWS built the resource's ARN around it. Null for an ordinary ARN.
 */
export function nestedArnOf(resource: string | null): string | null {
  const arn = resource ? parseArn(resource) : null;
  const inner = arn ? arn.resource.indexOf("arn:") : -1;
  if (!arn || inner === -1) return null;
  const nested = arn.resource.slice(inner);
  // An S3 key is a path its writer chose: an ARN deeper in it than its first segment is a key's name, not a mistake.
  if (arn.service === "s3" && arn.resource.lastIndexOf("/", inner - 2) > 0) return null;
  return parseArn(nested) && (inner === 0 || "/:".includes(arn.resource[inner - 1]!)) ? nested : null;
}
