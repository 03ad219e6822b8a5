import type { Finding, Layer } from "../model";
import type { PlannedScan } from "./plan";

/** Where the events came from: the user's account, a configured endpoint, the demo data, or a file. */
export type LookupSource = "aws" | "endpoint" | "demo" | "upload";

export interface LookupProgress {
  /** LookupEvents pages read (0 for uploads). */
  pagesRead: number;
  eventsScanned: number;
  denialsFound: number;
  /** 0..1: share of the time window (lookups) or of the bytes (uploads) covered so far. */
  fraction: number;
  etaSeconds: number | null;
  /** Oldest event time reached so far, ISO; lookups read newest first. */
  reachedBack: string | null;
  /** Throttled or failed requests that were retried. */
  retries: number;
}

/** A denied CloudTrail event, as a row of the raw-events table. */
export interface DeniedEvent {
  id: string;
  time: string;
  region: string;
  source: string;
  name: string;
  principal: string | null;
  errorCode: string | null;
  groupKey: string;
  consoleUrl: string | null;
}

/** The first denial of a (layer, action, resource) group, diagnosed; later ones only count. */
export interface DenialGroupHead {
  key: string;
  layer: Layer;
  action: string | null;
  /** What the fix is scoped to (`arn:aws:s3:::bucket/*`), so one fix covers the whole group. */
  resource: string | null;
  /** The full diagnosis, for the first MAX_DETAILED_GROUPS groups; null past them. */
  finding: Finding | null;
  /** Past MAX_DETAILED_GROUPS: the first denial as compact CloudTrail JSON, to diagnose on demand. */
  sample: string | null;
}

/** A group's tally so far. */
export interface GroupCount {
  key: string;
  count: number;
  firstSeen: string;
  lastSeen: string;
  regions: string[];
}

/** Rows of the raw-events table the server sends; the tallies still count every denial. */
export const MAX_ROWS = 1000;

/** Groups that travel with their full diagnosis; a file with thousands of distinct denials sends the rest as samples. */
export const MAX_DETAILED_GROUPS = 200;

/** Groups listed at all: past this, denials are counted but no longer listed (a person reads a few dozen). */
export const MAX_GROUPS = 2000;

/** One line of the NDJSON stream that lookups and uploads answer with. */
export type LookupStreamEvent =
  | {
      type: "start";
      source: LookupSource;
      window: { start: string; end: string } | null;
      scans: PlannedScan[];
      notes: string[];
    }
  | { type: "progress"; progress: LookupProgress }
  | { type: "group"; group: DenialGroupHead }
  | { type: "denial"; event: DeniedEvent }
  | { type: "counts"; counts: GroupCount[] }
  | { type: "notice"; code: string; message: string }
  | { type: "error"; code: string; message: string }
  | { type: "done"; progress: LookupProgress; partial: boolean; cancelled: boolean; seconds: number };

export const EMPTY_PROGRESS: LookupProgress = {
  pagesRead: 0,
  eventsScanned: 0,
  denialsFound: 0,
  fraction: 0,
  etaSeconds: null,
  reachedBack: null,
  retries: 0,
};
