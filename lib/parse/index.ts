import type { DenialRecord, NonDenial } from "../model";
import { readAuthorizationDetails } from "./authorization-details";
import { readCloudTrailRecords, recordsFromJson } from "./cloudtrail-json";
import { dedupeRecords } from "./dedupe";
import { findNonDenials } from "./non-denials";
import { normalizeText } from "./normalize";
import { parseText } from "./text";

export { MAX_INPUT_BYTES, MAX_RECORDS, utf8Length } from "./limits";
export { isDenialRecord, denialFromRecord } from "./cloudtrail-json";
export { cloudTrailRecordSchema, type CloudTrailRecord } from "./cloudtrail-record";
export { isDenialCode } from "./text";
export { LOOKED_FOR } from "./looked-for";

export interface ParseResult {
  records: DenialRecord[];
  nonDenials: NonDenial[];
  /** True when the input held more denials than the parser reads (MAX_RECORDS). */
  truncated: boolean;
}

/**
 * Finds every denial in pasted text: CLI/SDK output, log lines, Terraform or CloudFormation
 * errors, S3 XML bodies, CloudTrail JSON, or IAM Toolbox authorization details. Pure and linear-time.
 */
export function parseDenials(text: string): ParseResult {
  const proven = readAuthorizationDetails(text);
  if (proven) return { records: dedupeRecords(proven), nonDenials: [], truncated: false };
  const records = recordsFromJson(text);
  if (records) {
    const { denials, nonDenials, truncated } = readCloudTrailRecords(records);
    return { records: dedupeRecords(denials), nonDenials, truncated };
  }
  const normalized = normalizeText(text);
  const parsed = parseText(normalized, "iam-message");
  return {
    records: dedupeRecords(parsed.records),
    // A one-line message is one error; a log excerpt can hold throttling or expired tokens beside its denials.
    nonDenials: parsed.records.length === 0 || normalized.includes("\n") ? findNonDenials(normalized) : [],
    truncated: parsed.truncated,
  };
}
