import { IAM_ANCHOR } from "./iam-sentence";

/* What a bare denial's line gives beside its phrase: the caller and the resource it names outside any sentence. */

// A row that starts with the caller's ARN: a CloudTrail console row or a chat rendering ("arn:… called ListAccounts …").
const LEADING_PRINCIPAL = /^[ \t]{0,8}(arn:aws[a-z-]{0,12}:(?:sts|iam)::[^\s]{1,400})\s/;

/** The caller's ARN a line starts with, if it does. */
export function leadingPrincipal(line: string): string | null {
  return line.trimStart().startsWith("arn:") ? (LEADING_PRINCIPAL.exec(line)?.[1] ?? null) : null;
}

// ARNs a line names, up to the first character no ARN holds.
const ARN_IN_LINE = /\barn:aws[a-z-]{0,12}:([a-z0-9-]{1,40}):[^\s"'`<>,;)]{1,2048}/g;

/**
 * The one ARN of the denied service a bare denial's line names ("Access Denied … source version arn:aws:s3:::b/k"): its
 * resource. Null when it names none or several, and for IAM and STS, whose ARNs there are the caller's.
 */
export function soleArnOf(service: string, line: string): string | null {
  if (service === "iam" || service === "sts" || !line.includes("arn:")) return null;
  const arns = new Set<string>();
  for (const match of line.matchAll(ARN_IN_LINE)) if (match[1] === service) arns.add(match[0].replace(/[.]+$/, ""));
  return arns.size === 1 ? ([...arns][0] ?? null) : null;
}

// "User: arn:…" with the sentence cut off after it (a truncated log line): the caller is named all the same.
const USER_PRINCIPAL = /\bUser: (arn:aws[a-z-]{0,12}:(?:sts|iam)::[^\s"'`<>]{1,400})/;

/** The caller after "User:" on a line whose IAM sentence was cut off before its anchor. */
export function userPrincipal(line: string): string | null {
  return line.includes("User: arn:") && !line.includes(IAM_ANCHOR) ? (USER_PRINCIPAL.exec(line)?.[1] ?? null) : null;
}
