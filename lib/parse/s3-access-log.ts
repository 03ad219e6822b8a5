import { anchored, includesAny } from "./anchors";
import { ANONYMOUS_ACCOUNT, partitionOfRegion } from "./cloudtrail-identity";
import { decodedS3Key } from "./named-call";
import { isDenialCode } from "./text-records";

/**
 * S3 server access log records (the space-separated lines S3 delivers to a bucket, and the rows Athena, Panther or
 * CloudWatch Logs make of them) read as the CloudTrail record of the same request would be, so the record reader
 * takes them whole: the operation's API call, the requester, the bucket and key, the error. Source: the S3 user
 * guide, "Amazon S3 server access log format" and "Log format in CloudWatch Logs".
 */

/**
 * The CloudTrail event name of an operation's `<VERB>.<TYPE>`, as [on an object, on the bucket] where the two differ:
 * an ACL or tag set is an object's when the record names a key.
 */
export const EVENT_OF_OPERATION: Readonly<Record<string, string | readonly [string, string]>> = {
  "GET.OBJECT": "GetObject",
  "HEAD.OBJECT": "HeadObject",
  "PUT.OBJECT": "PutObject",
  "POST.OBJECT": "PutObject",
  "DELETE.OBJECT": "DeleteObject",
  "COPY.OBJECT": "CopyObject",
  "COPY.OBJECT_GET": "GetObject",
  "GET.BUCKET": "ListObjects",
  "HEAD.BUCKET": "HeadBucket",
  "PUT.BUCKET": "CreateBucket",
  "DELETE.BUCKET": "DeleteBucket",
  "GET.BUCKETVERSIONS": "ListObjectVersions",
  "GET.ACL": ["GetObjectAcl", "GetBucketAcl"],
  "PUT.ACL": ["PutObjectAcl", "PutBucketAcl"],
  "GET.TAGGING": ["GetObjectTagging", "GetBucketTagging"],
  "PUT.TAGGING": ["PutObjectTagging", "PutBucketTagging"],
  "GET.BUCKETPOLICY": "GetBucketPolicy",
  "PUT.BUCKETPOLICY": "PutBucketPolicy",
  "DELETE.BUCKETPOLICY": "DeleteBucketPolicy",
  "GET.VERSIONING": "GetBucketVersioning",
  "PUT.VERSIONING": "PutBucketVersioning",
  "GET.LOCATION": "GetBucketLocation",
  "GET.LOGGING_STATUS": "GetBucketLogging",
  "PUT.LOGGING_STATUS": "PutBucketLogging",
  "GET.ENCRYPTION": "GetBucketEncryption",
  "PUT.ENCRYPTION": "PutBucketEncryption",
  "GET.NOTIFICATION": "GetBucketNotification",
  "GET.UPLOADS": "ListMultipartUploads",
  "POST.UPLOADS": "CreateMultipartUpload",
  "PUT.PART": "UploadPart",
  "POST.UPLOAD": "CompleteMultipartUpload",
  "GET.UPLOAD": "ListParts",
  "DELETE.UPLOAD": "AbortMultipartUpload",
  "POST.MULTI_OBJECT_DELETE": "DeleteObjects",
};

const OPERATION = /^(?:REST|WEBSITE)\.([A-Z]+\.[A-Z_]+)$/;
/** A virtual-hosted or path-style S3 host names the Region: `bucket.s3.us-west-2.amazonaws.com`, `s3-eu-west-1…`. */
const HOST_REGION = /\bs3[.-](?:dualstack\.)?([a-z]{2}(?:-gov)?-[a-z]+-\d)\.amazonaws\.com/;
/** S3's word for an unsigned request's requester. */
const ANONYMOUS = "-";
const DENIED_STATUS = "403";

/** The fields a record needs, by the names the row forms give them (Athena and Panther, then CloudWatch Logs). */
const ROW_FIELDS = {
  bucket: ["bucket", "bucket_name", "bucketname"],
  key: ["key"],
  requester: ["requester"],
  operation: ["operation"],
  status: ["httpstatus", "http_status"],
  error: ["errorcode", "error_code"],
  time: ["time", "requestdatetime", "request_time"],
  host: ["hostheader", "host_header"],
} as const;

type Fields = Record<keyof typeof ROW_FIELDS, string>;

// owner bucket [time] ip requester request-id operation key "request-uri" status error …
const LOG_LINE = anchored(
  /^\S+ (\S+) \[([^\]]{1,40})\] \S+ (\S+) \S+ ((?:REST|WEBSITE)\.[A-Z]+\.[A-Z_]+) (\S+) "[^"]*" (\d{3}|-) (\S+)(.*)$/,
  "REST.",
  "WEBSITE.",
);

/** The CloudTrail-shaped record of an access log row (an object with an `operation` and a status); null for any other. */
export function recordOfAccessLogRow(value: unknown): Record<string, unknown> | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  const row = value as Record<string, unknown>;
  if (typeof row.operation !== "string") return null;
  const fields = {} as Fields;
  for (const [field, names] of Object.entries(ROW_FIELDS)) {
    const cell = names.map((name) => row[name]).find((found) => typeof found === "string" || typeof found === "number");
    fields[field as keyof Fields] = cell === undefined ? "" : String(cell);
  }
  return fields.status ? recordOfFields(fields) : null;
}

/** The records of a text made of access log lines only; null when any line is no such record. */
export function recordsOfAccessLog(text: string): Record<string, unknown>[] | null {
  if (!includesAny(text, LOG_LINE.anchors)) return null;
  const records: Record<string, unknown>[] = [];
  // Line by line, so that a text whose first line is no log record costs that line only.
  for (let start = 0; start < text.length;) {
    const end = text.indexOf("\n", start);
    const line = text.slice(start, end === -1 ? undefined : end).trim();
    start = end === -1 ? text.length : end + 1;
    if (line === "") continue;
    const record = recordOfLine(line);
    if (!record) return null;
    records.push(record);
  }
  return records.length > 0 ? records : null;
}

function recordOfLine(line: string): Record<string, unknown> | null {
  const match = LOG_LINE.pattern.exec(line);
  if (!match) return null;
  const [, bucket, time, requester, operation, key, status, error, rest] = match as unknown as string[];
  const host = HOST_REGION.exec(rest!)?.[0] ?? "";
  return recordOfFields({ bucket, key, requester, operation, status, error, time, host } as Fields);
}

function recordOfFields(fields: Fields): Record<string, unknown> | null {
  const [, verbAndType] = OPERATION.exec(fields.operation) ?? [];
  const events = verbAndType ? EVENT_OF_OPERATION[verbAndType] : undefined;
  if (!events) return null;
  const key = fields.key && fields.key !== "-" ? decodedS3Key(fields.key) : null;
  const eventName = typeof events === "string" ? events : events[key ? 0 : 1];
  const error = fields.error && fields.error !== "-" ? fields.error : null;
  const region = HOST_REGION.exec(fields.host)?.[1];
  // The object, as CloudTrail's data events name it, when the log names a key (the bucket alone is in bucketName).
  const objectArn = fields.bucket && key ? `arn:${partitionOfRegion(region)}:s3:::${fields.bucket}/${key}` : null;
  return {
    eventSource: "s3.amazonaws.com",
    eventName,
    eventTime: fields.time || undefined,
    awsRegion: region,
    resources: objectArn ? [{ ARN: objectArn }] : undefined,
    // Only a 403 is a refusal; another status's error (SlowDown, NoSuchKey) is no denial, whatever its code.
    errorCode: error && (fields.status === DENIED_STATUS || !isDenialCode(error)) ? error : null,
    requestParameters: { bucketName: fields.bucket || undefined, ...(key ? { key } : {}) },
    userIdentity: identityOf(fields.requester),
  };
}

/** The requester as a userIdentity: an ARN, or an unsigned caller; a canonical user id names no IAM identity. */
function identityOf(requester: string): Record<string, string> | undefined {
  if (requester === ANONYMOUS) return { type: "AWSAccount", accountId: ANONYMOUS_ACCOUNT };
  return requester.startsWith("arn:") ? { arn: requester } : undefined;
}
