import type { TrailRecord } from "../trail-record";
import { DEMO_ACCOUNT } from "./account";
import type { Random } from "./prng";

/** Who made a call, and from where, as CloudTrail records it. */
export interface Caller {
  userIdentity: Record<string, unknown>;
  userAgent: string;
  sourceIPAddress: string;
  /** Calls an AWS service makes for a principal come from the service's DNS name and carry no TLS details. */
  viaAwsService: boolean;
}

/** One management API call to record. */
export interface ApiCall {
  timeMs: number;
  region: string;
  caller: Caller;
  /** The service's endpoint prefix: "kms", "secretsmanager", "monitoring"… */
  service: string;
  eventName: string;
  readOnly: boolean;
  requestParameters?: Record<string, unknown> | null;
  responseElements?: Record<string, unknown> | null;
  resources?: { ARN: string; type?: string }[];
  error?: { code: string; message: string };
  additionalEventData?: Record<string, unknown>;
  eventType?: "AwsApiCall" | "AwsConsoleSignIn";
  /** The host the client named, when it is not the service's Regional endpoint. */
  host?: string;
  /** The call reached into another account, which gets its own copy of the event. */
  crossAccount?: boolean;
}

/** CloudTrail's timestamp format: ISO-8601 in UTC, whole seconds. */
export function cloudTrailTime(timeMs: number): string {
  return new Date(timeMs).toISOString().replace(/\.\d{3}Z$/, "Z");
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** The "Nov 23, 2026, 8:05:09 PM" form CloudTrail uses inside responseElements (UTC). */
export function cloudTrailLongTime(timeMs: number): string {
  const date = new Date(timeMs);
  const hours = date.getUTCHours();
  const clock = [hours % 12 || 12, date.getUTCMinutes(), date.getUTCSeconds()]
    .map((part, index) => (index === 0 ? String(part) : String(part).padStart(2, "0")))
    .join(":");
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()}, ${clock} ${hours < 12 ? "AM" : "PM"}`;
}

function accountOf(arn: string): string {
  return arn.split(":")[4] || DEMO_ACCOUNT;
}

/** Builds the CloudTrail record of one call, fields in the order CloudTrail writes them. */
export function buildRecord(call: ApiCall, random: Random): TrailRecord {
  const eventType = call.eventType ?? "AwsApiCall";
  const record: TrailRecord = {
    eventVersion: eventType === "AwsConsoleSignIn" ? "1.09" : "1.11",
    userIdentity: call.caller.userIdentity,
    eventTime: cloudTrailTime(call.timeMs),
    eventSource: `${call.service}.amazonaws.com`,
    eventName: call.eventName,
    awsRegion: call.region,
    sourceIPAddress: call.caller.sourceIPAddress,
    userAgent: call.caller.userAgent,
    ...(call.error ? { errorCode: call.error.code, errorMessage: call.error.message } : {}),
    requestParameters: call.requestParameters ?? null,
    responseElements: call.error ? null : (call.responseElements ?? null),
    ...(call.additionalEventData ? { additionalEventData: call.additionalEventData } : {}),
    ...(eventType === "AwsApiCall" ? { requestID: random.uuid() } : {}),
    eventID: random.uuid(),
    readOnly: call.readOnly,
    ...(call.resources
      ? {
          resources: call.resources.map(({ ARN, type }) => ({
            accountId: accountOf(ARN),
            ...(type ? { type } : {}),
            ARN,
          })),
        }
      : {}),
    eventType,
    managementEvent: true,
    recipientAccountId: DEMO_ACCOUNT,
    ...(call.crossAccount ? { sharedEventID: random.uuid() } : {}),
    eventCategory: "Management",
  };
  if (!call.caller.viaAwsService) {
    record.tlsDetails = {
      tlsVersion: "TLSv1.3",
      cipherSuite: "TLS_AES_128_GCM_SHA256",
      clientProvidedHostHeader: call.host ?? `${call.service}.${call.region}.amazonaws.com`,
    };
  }
  return record;
}
