import type { TrailRecord } from "../../trail-record";
import type { ServedPages } from "../stats";

/** LookupEvents' page size: the ceiling is the rate times this many events a second. */
const EVENTS_PER_PAGE = 50;

/** The function and role whose events the replica load reads (a lookup by session name reads only these). */
export const LOAD_FUNCTION = "replica-load";
export const LOAD_ROLE_ARN = "arn:aws:iam::123456789012:role/replica-load-role";
export const LOAD_REGION = "eu-north-1";

/** Events are this far apart, newest a minute before `now`: 8,640 fit in a day, the lookups' window. */
const SPACING_MS = 10_000;

/**
 * `count` events of the load function's session in LOAD_REGION (every 100th an S3 AccessDenied), for lookups that read
 * whole pages only: give a multiple of 50 so no page is partly empty.
 */
export function replicaLoadRecords(now: Date, count: number): TrailRecord[] {
  return Array.from({ length: count }, (_, index) => {
    const denied = index % 100 === 0;
    return {
      eventTime: new Date(now.getTime() - 60_000 - index * SPACING_MS).toISOString().replace(/\.\d{3}Z$/, "Z"),
      eventVersion: "1.09",
      eventSource: "s3.amazonaws.com",
      eventName: "GetObject",
      awsRegion: LOAD_REGION,
      eventID: `00000000-0000-4000-8000-${String(index).padStart(12, "0")}`,
      readOnly: true,
      userIdentity: {
        type: "AssumedRole",
        arn: `arn:aws:sts::123456789012:assumed-role/replica-load-role/${LOAD_FUNCTION}`,
        accountId: "123456789012",
      },
      ...(denied
        ? {
            errorCode: "AccessDenied",
            errorMessage:
              `User: arn:aws:sts::123456789012:assumed-role/replica-load-role/${LOAD_FUNCTION} is not authorized to ` +
              'perform: s3:GetObject on resource: "arn:aws:s3:::replica-load-bucket/report.csv" because no ' +
              "identity-based policy allows the s3:GetObject action",
          }
        : {}),
      resources: [{ ARN: "arn:aws:s3:::replica-load-bucket/report.csv", type: "AWS::S3::Object" }],
    };
  });
}

/**
 * The share of LookupEvents' ceiling (rate × 50 events a second) the callers used while busy, from the endpoint's own
 * counts: N pages at the ceiling take N/rate seconds, which is the time from the first answer to the last plus one
 * request's share, 1/rate.
 */
export function ceilingShare(served: ServedPages, requestsPerSecond: number): number {
  if (served.firstAt === null || served.lastAt === null) return 0;
  const seconds = (served.lastAt - served.firstAt) / 1000 + 1 / requestsPerSecond;
  return served.events / seconds / (requestsPerSecond * EVENTS_PER_PAGE);
}
