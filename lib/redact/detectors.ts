import { RESOURCE_DESCRIPTORS } from "../iam";
import { FIELD_NAMES, maskField } from "./fields";
import { maskName } from "./names";
import { FIELD_PRIORITY, type Part, type Span } from "./tokens";

/** Longest stretch any detector reads from one anchor: keeps each anchor's cost bounded, so a pass stays linear. */
const MAX_READ = 1024;
const HOST_CHAR = /[a-z0-9.-]/;
const PATH_STOP = new Set([..." \t\r\n\"'\\<>,;()[]{}|`?#"]);
const EMAIL_LOCAL = /[A-Za-z0-9._%+-]/;
const EMAIL_DOMAIN = /[A-Za-z0-9.-]/;

/** `s3://bucket/key`: the bucket and each key segment. */
export function s3UriSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (let at = text.indexOf("s3://"), covered = 0; at !== -1; at = text.indexOf("s3://", Math.max(at + 5, covered))) {
    const end = readPath(text, at + 5);
    covered = end;
    spans.push({ start: at, end, parts: ["s3://", ...maskBucketPath(text.slice(at + 5, end))] });
  }
  return spans;
}

/**
 * Hosts under amazonaws.com: a virtual-hosted S3 bucket (`bucket.s3.region.amazonaws.com/key`), a path-style one
 * (`s3.region.amazonaws.com/bucket/key`), and an SQS queue URL (`sqs.region.amazonaws.com/account/queue`).
 */
export function awsHostSpans(text: string): Span[] {
  const spans: Span[] = [];
  let covered = 0;
  for (let at = text.indexOf(".amazonaws.com", 1); at !== -1; at = text.indexOf(".amazonaws.com", at + 1)) {
    let start = at;
    while (start > Math.max(covered, at - MAX_READ) && HOST_CHAR.test(text.charAt(start - 1))) start--;
    const hostEnd = at + ".amazonaws.com".length;
    const labels = text.slice(start, at).split(".");
    const serviceAt = labels.findIndex((label) => label === "s3" || label.startsWith("s3-") || label === "sqs");
    if (serviceAt === -1) continue;
    const hasPath = text.charAt(hostEnd) === "/";
    const end = hasPath ? readPath(text, hostEnd + 1) : hostEnd;
    const path = text.slice(hostEnd + 1, end);
    const service = labels[serviceAt];
    const host = labels.slice(serviceAt).join(".") + ".amazonaws.com";
    const parts: Part[] = [];
    if (serviceAt > 0) parts.push(...maskName(labels.slice(0, serviceAt).join("."), "bucket"), ".");
    parts.push(host);
    if (hasPath) {
      parts.push("/");
      if (service === "sqs") parts.push(...maskSegments(path, ["account", "queue"]));
      else if (serviceAt > 0) parts.push(...maskObjectKey(path));
      else parts.push(...maskBucketPath(path));
    }
    spans.push({ start, end, parts });
    covered = end;
  }
  return spans;
}

/** Addresses AWS itself writes in its errors (the grantee an export bucket's ACL must name): not the user's to hide. */
const AWS_SERVICE_ADDRESSES = new Set(["vm-import-export@amazon.com"]);

/** E-mail addresses, found from each `@` outwards (no backtracking regex over long runs). */
export function emailSpans(text: string): Span[] {
  const spans: Span[] = [];
  let covered = 0;
  for (let at = text.indexOf("@"); at !== -1; at = text.indexOf("@", at + 1)) {
    if (at < covered) continue;
    let start = at;
    while (start > Math.max(covered, at - 64) && EMAIL_LOCAL.test(text.charAt(start - 1))) start--;
    let end = at + 1;
    while (end < text.length && end - at < 255 && EMAIL_DOMAIN.test(text.charAt(end))) end++;
    while (end > at + 1 && ".-".includes(text.charAt(end - 1))) end--;
    const domain = text.slice(at + 1, end);
    if (start === at || !/\.[A-Za-z]{2,}$/.test(domain)) continue;
    const email = text.slice(start, end);
    if (AWS_SERVICE_ADDRESSES.has(email.toLowerCase())) continue;
    spans.push({ start, end, parts: [{ original: email, shape: { kind: "email" }, priority: FIELD_PRIORITY }] });
    covered = end;
  }
  return spans;
}

/** Every run of exactly 12 digits: an account id in prose ("account 123…"), a console URL, a log path. */
export function accountSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(/\d+/g)) {
    if (match[0].length !== 12) continue;
    spans.push({
      start: match.index,
      end: match.index + 12,
      parts: [{ original: match[0], shape: { kind: "account" }, priority: FIELD_PRIORITY }],
    });
  }
  return spans;
}

const FIELD_PATTERN = new RegExp(`(\\\\{0,8})"(${FIELD_NAMES.join("|")})\\1"\\s*:\\s*\\1"`, "g");
const XML_PATTERN = /<(BucketName|Key)>([^<]{1,1024})<\/\1>/g;

/** Name fields in JSON text, escaped or not (`"userName":"…"`, `\"roleName\":\"…\"`), and S3 XML's `<BucketName>`. */
export function fieldSpans(text: string): Span[] {
  const spans: Span[] = [];
  let covered = 0;
  for (const match of text.matchAll(FIELD_PATTERN)) {
    const [head, escapes = "", key = ""] = match;
    const start = match.index + head.length;
    if (match.index < covered) continue;
    const end = findClose(text, start, escapes + '"', escapes === "");
    if (end === -1 || text.startsWith("arn:", start)) continue;
    spans.push({ start, end, parts: maskField(key, text.slice(start, end)) });
    covered = end;
  }
  for (const match of text.matchAll(XML_PATTERN)) {
    const [, tag = "", value = ""] = match;
    const start = match.index + tag.length + 2;
    spans.push({ start, end: start + value.length, parts: maskField(tag, value) });
  }
  return spans;
}

function afterDescriptor(text: string, from: number): number {
  const space = text.indexOf(" ", from);
  return space !== -1 && space - from <= DESCRIPTOR_LENGTH && RESOURCE_DESCRIPTORS.has(text.slice(from, space))
    ? space + 1
    : from;
}

const DESCRIPTOR_LENGTH = 8;

/** A resource named without an ARN (Secrets Manager echoes the secret name): `on resource: orders-db-password`. */
export function bareResourceSpans(text: string): Span[] {
  const spans: Span[] = [];
  let covered = 0;
  for (const match of text.matchAll(/on resource: "?/g)) {
    // IAM's "on resource: role X": the word before the name says what it names and stays, as the parser reads it.
    const start = afterDescriptor(text, match.index + match[0].length);
    if (match.index < covered || text.startsWith("arn:", start)) continue;
    let end = start;
    while (end < text.length && end - start < MAX_READ && !PATH_STOP.has(text.charAt(end))) end++;
    while (end > start && ".:".includes(text.charAt(end - 1))) end--;
    if (end > start) spans.push({ start, end, parts: maskName(text.slice(start, end), "resource") });
    covered = end;
  }
  return spans;
}

/** IAM unique ids and access key ids standing alone (`AROA…`, `AKIA…`). */
export function uniqueIdSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(
    /\b(?:AKIA|ASIA|AROA|AIDA|AGPA|ANPA|ANVA|AIPA|APKA|ABIA|ACCA)[A-Z0-9]{12,128}\b/g,
  )) {
    spans.push({ start: match.index, end: match.index + match[0].length, parts: maskName(match[0], "id") });
  }
  return spans;
}

function readPath(text: string, from: number): number {
  let end = from;
  while (end < text.length && end - from < MAX_READ && !PATH_STOP.has(text.charAt(end))) end++;
  while (end > from && ".:".includes(text.charAt(end - 1))) end--;
  return end;
}

function findClose(text: string, from: number, close: string, unescaped: boolean): number {
  for (let at = from; at < text.length && at - from <= MAX_READ; at++) {
    if (unescaped && text.charAt(at) === "\\") at++;
    else if (text.startsWith(close, at)) return at;
  }
  return -1;
}

function maskBucketPath(path: string): Part[] {
  const slash = path.indexOf("/");
  if (slash === -1) return maskName(path, "bucket");
  return [...maskName(path.slice(0, slash), "bucket"), "/", ...maskObjectKey(path.slice(slash + 1))];
}

function maskObjectKey(key: string): Part[] {
  return maskSegments(key, []);
}

/** Masks `/`-separated segments, naming the first ones by `labels` and the rest "object". */
function maskSegments(path: string, labels: string[]): Part[] {
  return path
    .split(/(\/)/)
    .flatMap((piece, index) => (index % 2 ? [piece] : maskName(piece, labels[index / 2] ?? "object")));
}
