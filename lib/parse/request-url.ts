import { queueArnOfUrl, serviceFromEventSource } from "../iam";
import { decodedS3Key, s3Arn } from "./named-call";

/** What an AWS endpoint URL says of the call sent to it: the service, and the resource its host and path name. */
export interface UrlSubject {
  service: string;
  resource: string | null;
}

const AWS_HOST_SUFFIX = ".amazonaws.com";
// "s3", "s3-eu-west-1", "s3.eu-west-1", "s3.dualstack.eu-west-1", "s3-external-1": S3's own host labels.
const S3_ENDPOINT = /^s3(?:[.-][a-z0-9-]{1,40}){0,3}$/;
const S3_OTHER_ENDPOINTS = /^s3-(?:control|accesspoint|object-lambda|outposts)\b/;
const REGION = /^[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]{1,12}-\d$/;
const ROUTE53_ZONE = /\/hostedzone\/([A-Z0-9]{1,40})(?:\/|$)/;

/**
 * Reads the service and resource from the URL an SDK printed for a failed request
 * ("https://my.bucket.s3.eu-west-1.amazonaws.com/key", "https://s3-eu-west-1.amazonaws.com/my.bucket/key",
 * "https://route53.amazonaws.com/2013-04-01/hostedzone/Z1/rrset/"). JSON-escaped slashes are read as slashes.
 * Null for a host that is not AWS's.
 */
export function subjectOfUrl(url: string): UrlSubject | null {
  const unescaped = url.replaceAll("\\/", "/");
  const scheme = unescaped.indexOf("://");
  if (scheme === -1) return null;
  const rest = unescaped.slice(scheme + 3);
  const slash = rest.indexOf("/");
  const host = (slash === -1 ? rest : rest.slice(0, slash)).toLowerCase();
  const path = (slash === -1 ? "" : rest.slice(slash)).split(/[?#]/)[0] ?? "";
  if (!host.endsWith(AWS_HOST_SUFFIX)) return null;
  const labels = host.slice(0, -AWS_HOST_SUFFIX.length);
  const s3At = s3LabelsStart(labels);
  if (s3At !== -1) {
    // Access points and S3 Control put other names than a bucket's before their labels.
    if (S3_OTHER_ENDPOINTS.test(labels.slice(s3At))) return { service: "s3", resource: null };
    const virtualBucket = s3At > 0 ? labels.slice(0, s3At - 1) : null;
    return { service: "s3", resource: s3Resource(virtualBucket, path) };
  }
  // Other services' endpoints are "<service>.amazonaws.com" or "<service>.<region>.amazonaws.com".
  const dot = labels.indexOf(".");
  if (dot !== -1 && !REGION.test(labels.slice(dot + 1))) return null;
  const service = serviceFromEventSource(labels);
  if (service === "route53") {
    const zone = ROUTE53_ZONE.exec(path)?.[1];
    return { service, resource: zone ? `arn:aws:route53:::hostedzone/${zone}` : null };
  }
  return { service, resource: service === "sqs" ? queueArnOfUrl(unescaped.split(/[?#]/)[0] ?? "") : null };
}

/** Where S3's endpoint labels start in a host's labels ("my.bucket.s3.eu-west-1" → 10), -1 when it is not S3's. */
function s3LabelsStart(labels: string): number {
  if (S3_ENDPOINT.test(labels)) return 0;
  for (let at = labels.indexOf(".s3"); at !== -1; at = labels.indexOf(".s3", at + 1)) {
    if (S3_ENDPOINT.test(labels.slice(at + 1))) return at + 1;
  }
  return -1;
}

/** The bucket (from the host, or the path's first segment) and the object key after it, as an S3 ARN. */
function s3Resource(virtualBucket: string | null, path: string): string | null {
  const segments = path.replace(/^\/+/, "");
  const bucketEnd = virtualBucket ? -1 : segments.indexOf("/");
  const bucket = virtualBucket ?? (bucketEnd === -1 ? segments : segments.slice(0, bucketEnd));
  const key = virtualBucket ? segments : bucketEnd === -1 ? "" : segments.slice(bucketEnd + 1);
  if (!bucket) return null;
  return s3Arn(bucket, key && decodedS3Key(key));
}
