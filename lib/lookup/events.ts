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
  resource: string | null;
  finding: Finding;
}

/** One line of the NDJSON stream that lookups and uploads answer with. */
export type LookupStreamEvent =
  | { type: "start"; source: LookupSource; window: { start: string; end: string } | null; scans: PlannedScan[]; notes: string[] }
  | { type: "progress"; progress: LookupProgress }
  | { type: "group"; group: DenialGroupHead }
  | { type: "denial"; event: DeniedEvent }
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
