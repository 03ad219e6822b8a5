import { z } from "zod";
import { fail, ok, type Result } from "../../../result";
import { decodeNextToken, encodeNextToken, queryFingerprint } from "./next-token";
import { LOOKUP_ATTRIBUTE_KEYS, type EventStore, type LookupAttribute, type LookupAttributeKey } from "./store";
import type { WireEvent } from "./wire-event";

/** "You can look up events that occurred in a Region within the last 90 days." */
const RETENTION_MS = 90 * 24 * 60 * 60 * 1000;

const DEFAULT_MAX_RESULTS = 50;
const MAX_ATTRIBUTE_VALUE_LENGTH = 2000;

/** JSON members may be absent or null; unknown members are ignored, as AWS JSON services do. */
const lookupRequestSchema = z.looseObject({
  LookupAttributes: z
    .array(z.looseObject({ AttributeKey: z.string().nullish(), AttributeValue: z.string().nullish() }))
    .nullish(),
  StartTime: z.number().nullish(),
  EndTime: z.number().nullish(),
  MaxResults: z.number().nullish(),
  NextToken: z.string().nullish(),
  EventCategory: z.string().nullish(),
});

type LookupRequest = z.infer<typeof lookupRequestSchema>;

export type LookupErrorCode =
  | "SerializationException"
  | "InvalidLookupAttributesException"
  | "InvalidTimeRangeException"
  | "InvalidMaxResultsException"
  | "InvalidNextTokenException"
  | "InvalidEventCategoryException";

export interface LookupEventsResponse {
  Events: WireEvent[];
  NextToken?: string;
}

function isAttributeKey(key: string): key is LookupAttributeKey {
  return (LOOKUP_ATTRIBUTE_KEYS as readonly string[]).includes(key);
}

function readAttribute(request: LookupRequest): Result<LookupAttribute | null, LookupErrorCode> {
  const attributes = request.LookupAttributes ?? [];
  if (attributes.length > 1)
    return fail("InvalidLookupAttributesException", "You can specify at most one lookup attribute.");
  const [attribute] = attributes;
  if (!attribute) return ok(null);
  const { AttributeKey: key, AttributeValue: value } = attribute;
  if (!key || !isAttributeKey(key)) {
    return fail("InvalidLookupAttributesException", `AttributeKey must be one of ${LOOKUP_ATTRIBUTE_KEYS.join(", ")}.`);
  }
  if (!value || value.length > MAX_ATTRIBUTE_VALUE_LENGTH) {
    return fail(
      "InvalidLookupAttributesException",
      `AttributeValue must be 1 to ${MAX_ATTRIBUTE_VALUE_LENGTH} characters long.`,
    );
  }
  return ok({ key, value });
}

function readMaxResults(request: LookupRequest): Result<number, LookupErrorCode> {
  const maxResults = request.MaxResults ?? DEFAULT_MAX_RESULTS;
  if (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > DEFAULT_MAX_RESULTS) {
    return fail("InvalidMaxResultsException", "MaxResults must be an integer from 1 to 50.");
  }
  return ok(maxResults);
}

/**
 * Answers one LookupEvents request body for `region` at time `nowMs`, with the validation,
 * error codes, paging and 90-day window of the real API.
 */
export function lookupEvents(
  body: unknown,
  region: string,
  store: EventStore,
  nowMs: number,
): Result<LookupEventsResponse, LookupErrorCode> {
  const parsed = lookupRequestSchema.safeParse(body);
  if (!parsed.success)
    return fail("SerializationException", "The request body does not match the LookupEvents input shape.");
  const request = parsed.data;

  const attributeRead = readAttribute(request);
  if (!attributeRead.ok) return attributeRead;
  const attribute = attributeRead.value;
  const maxResultsRead = readMaxResults(request);
  if (!maxResultsRead.ok) return maxResultsRead;
  if (request.StartTime != null && request.EndTime != null && request.StartTime > request.EndTime) {
    return fail("InvalidTimeRangeException", "StartTime must not be after EndTime.");
  }
  if (request.EventCategory != null && request.EventCategory !== "insight") {
    return fail("InvalidEventCategoryException", "EventCategory must be insight.");
  }

  const fingerprint = queryFingerprint([region, attribute, request.StartTime, request.EndTime, request.EventCategory]);
  let afterRank: number | null = null;
  if (request.NextToken != null) {
    afterRank = decodeNextToken(request.NextToken, fingerprint);
    if (afterRank === null) {
      return fail("InvalidNextTokenException", "The NextToken is invalid or was issued for different parameters.");
    }
  }
  // Only management events are stored, so an Insights lookup finds nothing.
  if (request.EventCategory === "insight") return ok({ Events: [] });

  const oldestSearchable = nowMs - RETENTION_MS;
  const page = store.lookup({
    region,
    attribute,
    startMs: Math.max(request.StartTime == null ? oldestSearchable : request.StartTime * 1000, oldestSearchable),
    endMs: request.EndTime == null ? nowMs : request.EndTime * 1000,
    limit: maxResultsRead.value,
    afterRank,
  });
  return ok({
    Events: page.events,
    ...(page.continueAfterRank === null ? {} : { NextToken: encodeNextToken(fingerprint, page.continueAfterRank) }),
  });
}
