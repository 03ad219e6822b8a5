import { z } from "zod";
import { cloudTrailRecordSchema, type CloudTrailRecord } from "../parse";
import type { FoundItem } from "./split-records";

/** What one item turned out to be. */
export type ItemReading =
  | { kind: "with-error"; record: CloudTrailRecord }
  | { kind: "without-error"; record: CloudTrailRecord }
  /** Valid JSON, but not a CloudTrail record (or lookup-events Event). */
  | { kind: "foreign" }
  | { kind: "not-json" };

/** A lookup-events Event: the record is the JSON string in CloudTrailEvent. */
const lookupEventSchema = z.looseObject({ CloudTrailEvent: z.string() });

const FOREIGN: ItemReading = { kind: "foreign" };
const NOT_JSON: ItemReading = { kind: "not-json" };

// In an Event the record is a JSON string, so the quotes around its keys are escaped.
const EVENT_ERROR_KEYS = [Buffer.from('errorCode\\"'), Buffer.from('errorMessage\\"')];

/**
 * False when an item certainly has neither errorCode nor errorMessage, which every denial has, so
 * it can be counted without being parsed. Records are told by the splitter's scan (a key spelled
 * with \u escapes, which CloudTrail never writes, would go unseen); for a lookup-events Event the
 * escaped keys are looked for in its bytes.
 */
export function mayHaveError(found: FoundItem): boolean {
  if (found.kind === "record") return found.mentionsErr;
  const bytes = found.bytes.subarray(found.start, found.end);
  return EVENT_ERROR_KEYS.some((key) => bytes.includes(key));
}

/** Parses one item and validates it with `cloudTrailRecordSchema`, unwrapping a lookup-events Event first. */
export function readItem(found: FoundItem): ItemReading {
  let value = parseJson(found.bytes.toString("utf8", found.start, found.end));
  if (value === undefined) return NOT_JSON;
  if (found.kind === "event") {
    const event = lookupEventSchema.safeParse(value);
    if (!event.success) return FOREIGN;
    value = parseJson(event.data.CloudTrailEvent);
    if (value === undefined) return NOT_JSON;
  }
  const parsed = cloudTrailRecordSchema.safeParse(value);
  if (!parsed.success) return FOREIGN;
  return parsed.data.errorCode || parsed.data.errorMessage
    ? { kind: "with-error", record: parsed.data }
    : { kind: "without-error", record: parsed.data };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
