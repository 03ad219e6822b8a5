import type { TextFormat } from "../model";
import { execAnchored, type AnchoredPattern } from "./anchors";

/** The call an SDK frame, a tool's log line or a request URL names around an error: each fact only when it names it. */
export interface NamedCall {
  operation?: string;
  service?: string;
  resource?: string;
  errorCode?: string;
  sourceFormat?: TextFormat;
}

/** A Ruby or Python method name as the API operation it calls: `get_bucket_website` → `GetBucketWebsite`. */
export function operationOfSnakeCase(name: string): string {
  return name
    .split("_")
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join("");
}

/** A JavaScript method name as the API operation it calls: `getBucketLocation` → `GetBucketLocation`. */
export function operationOfCamelCase(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** An object key as URLs and S3's access logs write it (`q1%20report.csv`), decoded as a policy names it. */
export function decodedS3Key(key: string): string {
  try {
    return decodeURIComponent(key);
  } catch {
    return key;
  }
}

/** The bucket and key an S3 call names, as the ARN of the object (or of the bucket, with no key). */
export function s3Arn(bucket: string, key: string | null | undefined): string {
  return key ? `arn:aws:s3:::${bucket}/${key}` : `arn:aws:s3:::${bucket}`;
}

/** A line shape that names a call, and the facts one match of it gives. */
export interface CallReader {
  shape: AnchoredPattern;
  read: (match: RegExpExecArray) => NamedCall;
}

/** Every fact the readers find on a line, the earlier reader's first; null when none matches. */
export function readCalls(readers: readonly CallReader[], line: string): NamedCall | null {
  let call: NamedCall | null = null;
  for (const { shape, read } of readers) {
    const match = execAnchored(shape, line);
    if (match) call = withGapsFilled(call ?? {}, read(match));
  }
  return call;
}

/** `call` with each fact it lacks taken from `more`. */
export function withGapsFilled(call: NamedCall, more: NamedCall | null): NamedCall {
  if (!more) return call;
  return {
    operation: call.operation ?? more.operation,
    service: call.service ?? more.service,
    resource: call.resource ?? more.resource,
    errorCode: call.errorCode ?? more.errorCode,
    sourceFormat: call.sourceFormat ?? more.sourceFormat,
  };
}
