import type { DenialRecord, NonDenial } from "../model";
import {
  actionForOperation,
  operationOfEvent,
  readRequestValues,
  requestResourceArn,
  serviceForOperation,
  serviceFromEventSource,
  type RequestValues,
} from "../iam";
import {
  cloudTrailRecordSchema,
  lookupEventsOutputSchema,
  trailFileSchema,
  type CloudTrailRecord,
} from "./cloudtrail-record";
import { principalOfRecord, withFederatedCaller } from "./cloudtrail-identity";
import { recordOfRow } from "./cloudtrail-rows";
import { recordInTableCell } from "./cloudtrail-table";
import { recordOfYaml } from "./cloudtrail-yaml";
import { closeCutJson, withoutElisions } from "./json-repair";
import { MAX_RECORDS } from "./limits";
import { recordOfAccessLogRow, recordsOfAccessLog } from "./s3-access-log";
import { findNonDenials } from "./non-denials";
import { findSpecialMessage } from "./special-messages";
import { parseText } from "./text";
import { emptyRecord, isDenialCode, withLocation } from "./text-records";

const NOT_AUTHORIZED = /not authorized to perform/i;

/**
 * True when a CloudTrail record is an authorization failure: by errorCode, or by a message the text
 * parser knows (Lambda's configuration-time errors arrive as InvalidParameterValueException).
 */
export function isDenialRecord(record: CloudTrailRecord): boolean {
  if (record.errorCode && isDenialCode(record.errorCode)) return true;
  if (typeof record.errorMessage !== "string") return false;
  return NOT_AUTHORIZED.test(record.errorMessage) || findSpecialMessage(record.errorMessage) !== null;
}

/**
 * Reads pasted JSON as CloudTrail: one record, a trail file `{"Records": […]}`, lookup-events
 * output `{"Events": [{"CloudTrailEvent": "…"}]}`, an array of records, JSON Lines of any of those, a log query's rows
 * (cloudtrail-rows), one record in a query table's cell (cloudtrail-table), records written as YAML (cloudtrail-yaml),
 * or S3 server access log lines and rows (s3-access-log).
 * Returns null when the text is not CloudTrail JSON, so the caller can read it as plain text.
 */
export function recordsFromJson(text: string): CloudTrailRecord[] | null {
  const trimmed = text.trim();
  if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) {
    const cell = recordInTableCell(trimmed);
    if (cell !== null) return collectRecords(tryJson(cell));
    const written = recordOfYaml(trimmed) ?? recordsOfAccessLog(trimmed);
    return written === null ? null : collectRecords(written);
  }
  const whole = tryJson(trimmed);
  if (whole !== undefined) return collectRecords(whole);
  const elided = withoutElisions(trimmed);
  if (elided !== trimmed) {
    const shortened = tryJson(elided) ?? tryCutJson(elided);
    if (shortened !== undefined) return collectRecords(shortened);
  }
  const lines = trimmed.split("\n").filter((line) => line.trim());
  const records: CloudTrailRecord[] = [];
  for (const [index, line] of lines.entries()) {
    // JSON Lines cut off in their last line keep what that line completed; pretty-printed JSON is cut as a whole.
    const value = tryJson(line) ?? (index === lines.length - 1 ? tryCutJson(line) : undefined);
    if (value === undefined) return records.length === 0 ? recordsOfCutJson(trimmed) : null;
    const found = collectRecords(value);
    if (found) records.push(...found);
  }
  return records.length > 0 ? records : null;
}

function tryCutJson(text: string): unknown {
  const closed = closeCutJson(text);
  return closed === null ? undefined : tryJson(closed);
}

function recordsOfCutJson(text: string): CloudTrailRecord[] | null {
  const value = tryCutJson(text);
  return value === undefined ? null : collectRecords(value);
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Deepest real nesting: an array of trail files → Records → record. Deeper JSON is not CloudTrail. */
const MAX_DEPTH = 4;

function collectRecords(value: unknown, depth = 0): CloudTrailRecord[] | null {
  if (depth > MAX_DEPTH) return null;
  if (Array.isArray(value)) {
    const nested = value.map((item) => collectRecords(item, depth + 1)).filter((found) => found !== null);
    return nested.length > 0 ? nested.flat() : null;
  }
  const row = recordOfAccessLogRow(value) ?? recordOfRow(value);
  const single = cloudTrailRecordSchema.safeParse(withEventSource(row));
  if (single.success) return [single.data];
  const trail = trailFileSchema.safeParse(value);
  if (trail.success) return collectRecords(trail.data.Records, depth + 1) ?? [];
  const lookup = lookupEventsOutputSchema.safeParse(value);
  if (lookup.success) {
    return lookup.data.Events.flatMap((event) => collectRecords(tryJson(event.CloudTrailEvent), depth + 1) ?? []);
  }
  return null;
}

/**
 * A record quoted in a write-up often leaves out eventSource; when its eventName belongs to one service only, that
 * service's source stands in. Any other value passes unchanged.
 */
function withEventSource(value: unknown): unknown {
  if (typeof value !== "object" || value === null || "eventSource" in value) return value;
  const { eventName, errorCode } = value as { eventName?: unknown; errorCode?: unknown };
  if (typeof eventName !== "string" || typeof errorCode !== "string") return value;
  const service = serviceForOperation(eventName);
  return service ? { ...value, eventSource: `${service}.amazonaws.com` } : value;
}

/** Turns one denied CloudTrail record into a denial record, reading its errorMessage when it has one. */
export function denialFromRecord(record: CloudTrailRecord): DenialRecord {
  const service = serviceFromEventSource(record.eventSource);
  // The text's own format is replaced by "cloudtrail" below: the fallback format never shows.
  const fromMessage = record.errorMessage ? parseText(record.errorMessage, "iam-message").records[0] : undefined;
  const base =
    fromMessage ??
    emptyRecord({ kind: "generic-denied" }, "iam-message", record.errorMessage ?? record.errorCode ?? "", 0);
  const request = withEncryptionKey(
    withEndpoint(
      withFederatedCaller(readRequestValues(service, record.requestParameters), record),
      record.vpcEndpointId,
    ),
    record.requestParameters,
  );
  const resource =
    base.resource ?? record.resources?.[0]?.ARN ?? record.resources?.[0]?.arn ?? requestResourceArn(service, request);
  const hasValues = Object.keys(request.variables).length > 0;
  return withLocation({
    ...base,
    requestValues: hasValues ? request.variables : null,
    sourceFormat: "cloudtrail",
    service: base.service ?? service,
    action: base.action ?? `${service}:${actionForOperation(service, record.eventName)}`,
    operation: operationOfEvent(service, record.eventName),
    principal: principalOfRecord(record, base.principal),
    resource,
    statedPolicyType: base.statedPolicyType ?? (record.errorCode === "VpceAccessDenied" ? "vpc-endpoint" : null),
    errorCode: record.errorCode ?? base.errorCode,
    region: record.awsRegion ?? base.region,
    account: base.account ?? record.recipientAccountId ?? null,
    excerpt: base.excerpt || `${record.eventName} ${record.errorCode ?? ""}`.trim(),
    event: {
      id: record.eventID ?? "",
      time: record.eventTime ?? "",
      source: record.eventSource,
      name: record.eventName,
    },
  });
}

/** S3's header naming the SSE-KMS key of a write, as CloudTrail keeps it in requestParameters. */
const SSE_KMS_KEY_HEADER = "x-amz-server-side-encryption-aws-kms-key-id";

/** An S3 write encrypted with a KMS key names it: the key's policy must let the caller use it (`SseKmsKeyArn`). */
function withEncryptionKey(values: RequestValues, requestParameters: unknown): RequestValues {
  if (typeof requestParameters !== "object" || requestParameters === null) return values;
  const key = (requestParameters as Record<string, unknown>)[SSE_KMS_KEY_HEADER];
  if (typeof key !== "string" || !key.startsWith("arn:") || !key.includes(":kms:")) return values;
  return { ...values, variables: { ...values.variables, SseKmsKeyArn: key } };
}

/** A network activity event names the VPC endpoint it passed through: the fix edits that endpoint's policy. */
function withEndpoint(values: RequestValues, vpcEndpointId: string | undefined): RequestValues {
  if (!vpcEndpointId) return values;
  return { ...values, variables: { ...values.variables, VpcEndpointId: vpcEndpointId } };
}

/**
 * Splits CloudTrail records into denials and the non-permission errors among them, reading at most
 * MAX_RECORDS denials, as the text path does (`truncated` says some were left out).
 */
export function readCloudTrailRecords(records: CloudTrailRecord[]): {
  denials: DenialRecord[];
  nonDenials: NonDenial[];
  truncated: boolean;
} {
  const denials: DenialRecord[] = [];
  const errors: string[] = [];
  let truncated = false;
  for (const record of records) {
    if (!isDenialRecord(record)) {
      if (record.errorCode) errors.push(`${record.errorCode}: ${record.errorMessage ?? ""}`);
    } else if (denials.length < MAX_RECORDS) denials.push(denialFromRecord(record));
    else truncated = true;
  }
  return { denials, nonDenials: findNonDenials(errors.join("\n")), truncated };
}
