import { z } from "zod";
import { errorCodeSchema, noticeCodeSchema } from "../errors";
import { findingSchema, layerSchema } from "./diagnosis";

/**
 * The NDJSON stream that `POST /api/lookup` and `POST /api/trail` answer with, one event a line: the server shapes
 * each line with `streamEventSchema`, the browser parses each line with it.
 */

/** Where the events came from: the user's account, a configured endpoint, the demo data, or a file. */
const lookupSourceSchema = z.enum(["aws", "endpoint", "demo", "upload"]);

/** LookupEvents accepts one attribute per call; these are the two whydenied narrows by. */
const lookupAttributeSchema = z.object({ key: z.enum(["Username", "EventSource"]), value: z.string() });

/** One paged LookupEvents scan: a Region, at most one attribute, and the window. */
const plannedScanSchema = z.object({ region: z.string(), attribute: lookupAttributeSchema.nullable() });

const lookupProgressSchema = z.object({
  /** LookupEvents pages read (0 for uploads). */
  pagesRead: z.number(),
  eventsScanned: z.number(),
  denialsFound: z.number(),
  /** 0..1: share of the time window (lookups) or of the bytes (uploads) covered so far. */
  fraction: z.number(),
  etaSeconds: z.number().nullable(),
  /** Oldest event time reached so far, ISO; lookups read newest first. */
  reachedBack: z.string().nullable(),
  /** Throttled or failed requests that were retried. */
  retries: z.number(),
});

/** A denied CloudTrail event, as a row of the raw-events table. */
export const deniedEventSchema = z.object({
  id: z.string(),
  time: z.string(),
  region: z.string(),
  source: z.string(),
  name: z.string(),
  principal: z.string().nullable(),
  errorCode: z.string().nullable(),
  groupKey: z.string(),
  consoleUrl: z.string().nullable(),
});

/**
 * A group of denials that a success of the same call (same caller, same resource when known) followed within minutes:
 * a retry resolved them, so there is nothing to change. `iam-propagation` marks refused AssumeRole calls that
 * succeeded moments later, IAM's eventual consistency.
 */
const transientSchema = z.object({
  cause: z.enum(["retry", "iam-propagation"]),
  explanation: z.string(),
});

/** The first denial of a (layer, action, resource) group, diagnosed; later ones only count. */
export const denialGroupHeadSchema = z.object({
  key: z.string(),
  layer: layerSchema,
  action: z.string().nullable(),
  /** What the fix is scoped to (`arn:aws:s3:::bucket/*`), so one fix covers the whole group. */
  resource: z.string().nullable(),
  /** The full diagnosis, for the first groups; null past them. */
  finding: findingSchema.nullable(),
  /**
   * The first denial as compact CloudTrail JSON: past the detailed groups, to diagnose on demand; for every group, so a
   * saved snapshot can be re-run with a later engine. Null only from servers older than that.
   */
  sample: z.string().nullable(),
  /** Present on groups of denials resolved by retry, which are listed apart from the ones to fix. */
  transient: transientSchema.optional(),
});

/** A group's tally so far. */
export const groupCountSchema = z.object({
  key: z.string(),
  count: z.number(),
  firstSeen: z.string(),
  lastSeen: z.string(),
  regions: z.array(z.string()),
  /** Denials whose Region is not in `regions`: past the first MAX_GROUP_REGIONS, or not a Region name. Absent when none. */
  deniedInUnlistedRegions: z.number().int().nonnegative().optional(),
});

const startEventSchema = z.object({
  type: z.literal("start"),
  source: lookupSourceSchema,
  window: z.object({ start: z.string(), end: z.string() }).nullable(),
  scans: z.array(plannedScanSchema),
  notes: z.array(z.string()),
});

const doneEventSchema = z.object({
  type: z.literal("done"),
  progress: lookupProgressSchema,
  partial: z.boolean(),
  cancelled: z.boolean(),
  seconds: z.number(),
});

/** Part of the work was skipped (one Region, malformed records); the rest stands. */
const noticeEventSchema = z.object({ type: z.literal("notice"), code: noticeCodeSchema, message: z.string() });

/** The run as a whole failed; what arrived before it stands. */
const errorEventSchema = z.object({ type: z.literal("error"), code: errorCodeSchema, message: z.string() });

/** One line of the NDJSON stream that lookups and uploads answer with. */
export const streamEventSchema = z.discriminatedUnion("type", [
  startEventSchema,
  z.object({ type: z.literal("progress"), progress: lookupProgressSchema }),
  z.object({ type: z.literal("group"), group: denialGroupHeadSchema }),
  z.object({ type: z.literal("denial"), event: deniedEventSchema }),
  z.object({ type: z.literal("counts"), counts: z.array(groupCountSchema) }),
  noticeEventSchema,
  errorEventSchema,
  doneEventSchema,
]);

export type LookupSource = z.infer<typeof lookupSourceSchema>;
export type LookupAttribute = z.infer<typeof lookupAttributeSchema>;
export type PlannedScan = z.infer<typeof plannedScanSchema>;
export type LookupProgress = z.infer<typeof lookupProgressSchema>;
export type DeniedEvent = z.infer<typeof deniedEventSchema>;
export type DenialGroupHead = z.infer<typeof denialGroupHeadSchema>;
export type GroupCount = z.infer<typeof groupCountSchema>;
export type Transient = z.infer<typeof transientSchema>;
export type StartEvent = z.infer<typeof startEventSchema>;
export type DoneEvent = z.infer<typeof doneEventSchema>;
export type NoticeEvent = z.infer<typeof noticeEventSchema>;
export type ErrorEvent = z.infer<typeof errorEventSchema>;
export type LookupStreamEvent = z.infer<typeof streamEventSchema>;
