import type { DenialRecord, NonDenial } from "../model";
import { authorizationDetailsRecords, readAuthorizationDetails } from "./authorization-details";
import { withCallerIdentity } from "./caller-identity";
import { readCloudTrailRecords, recordsFromJson } from "./cloudtrail-json";
import { withDecodedMessage } from "./decoded-message";
import { dedupeRecords } from "./dedupe";
import { withExecutionLog } from "./execution-log";
import { findNonDenials, nonDenialsOverriding } from "./non-denials";
import { normalizeText, withoutAutolinks } from "./normalize";
import { parseText } from "./text";

export { MAX_INPUT_BYTES, MAX_RECORDS, utf8Length } from "./limits";
export { isDenialRecord, denialFromRecord } from "./cloudtrail-json";
export { cloudTrailRecordSchema, type CloudTrailRecord } from "./cloudtrail-record";
export { emptyRecord, isDenialCode } from "./text-records";
export { LOOKED_FOR } from "./looked-for";
export { unwrapLines } from "./unwrap";

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
  // A tracker's Markdown autolinks ("[kms.amazonaws.com](http://kms.amazonaws.com/)") sit inside a pasted record's strings.
  const records = recordsFromJson(withoutAutolinks(text));
  if (records) {
    const { denials, nonDenials, truncated } = readCloudTrailRecords(records);
    return { records: dedupeRecords(denials), nonDenials, truncated };
  }
  const normalized = normalizeText(text);
  const parsed = parseText(normalized, "iam-message");
  // A short paste is one error, spread over lines (an XML body): what it says anywhere decides for all of it.
  const readWhole = countLines(normalized) <= ONE_ERROR_LINES;
  const overriding = readWhole ? nonDenialsOverriding(normalized) : [];
  const kept = parsed.records.filter((record) => {
    if (overriding.length > 0) return false;
    // An excerpt that is the whole text (a one-line paste) was just read, and found nothing.
    if (readWhole && record.excerpt === normalized) return true;
    const found = nonDenialsOverriding(record.excerpt);
    overriding.push(...found);
    return found.length === 0;
  });
  // A one-line message is one error; a log excerpt can hold throttling or expired tokens beside its denials.
  const others = kept.length === 0 || normalized.includes("\n") ? findNonDenials(normalized) : [];
  const read = withDecodedMessage(
    withCallerIdentity(
      kept.map((record) =>
        record.kind === "apigw-invalid-permissions" ? withExecutionLog(record, normalized) : record,
      ),
      normalized,
    ),
    normalized,
  );
  return {
    records: dedupeRecords(read),
    nonDenials: uniqueByCode([...overriding, ...others]),
    truncated: parsed.truncated,
  };
}

/**
 * Reads a GetRequestAuthorizationDetails answer the server fetched itself (all its pages' evaluations together):
 * the same records, with AWS's proof, as when its JSON is pasted. Null when the document is not such an answer.
 */
export function parseAuthorizationDetails(document: unknown): ParseResult | null {
  const proven = authorizationDetailsRecords(document);
  return proven ? { records: dedupeRecords(proven), nonDenials: [], truncated: false } : null;
}

const ONE_ERROR_LINES = 12;

function countLines(text: string): number {
  let lines = 1;
  for (let at = text.indexOf("\n"); at !== -1 && lines <= ONE_ERROR_LINES; at = text.indexOf("\n", at + 1)) lines++;
  return lines;
}

function uniqueByCode(nonDenials: NonDenial[]): NonDenial[] {
  const seen = new Set<string>();
  return nonDenials.filter((nonDenial) => !seen.has(nonDenial.code) && Boolean(seen.add(nonDenial.code)));
}
