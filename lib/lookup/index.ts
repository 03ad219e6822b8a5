export { systemClock, type Clock } from "./clock";
export { cloudTrailConsoleUrl, createDenialCollector } from "./denials";
export { isFatal, isRetryable, LOOKUP_POLICY, type LookupErrorCode } from "./errors";
export {
  EMPTY_PROGRESS,
  MAX_DETAILED_GROUPS,
  MAX_ROWS,
  type DenialGroupHead,
  type DeniedEvent,
  type GroupCount,
  type LookupProgress,
  type LookupSource,
  type LookupStreamEvent,
} from "./events";
export { isRoleDenial } from "./filter";
export { createPacer, type Pacer } from "./pacer";
export { planLookup, type LookupAttribute, type LookupPlan, type PlannedScan } from "./plan";
export { DEFAULT_RETRY, type RetryPolicy } from "./retry";
export { parseRoleTarget, type RoleTarget } from "./role";
export { scanDenials, type LookupPage, type PageRequest, type PageSource, type ScanDeps } from "./scan";
export {
  hiddenRows,
  INITIAL_LOOKUP_STATE,
  newestFirst,
  rankGroups,
  reduceLookup,
  type DenialGroup,
  type LookupState,
} from "./state";
export { MAX_WINDOW_DAYS, resolveWindow, type TimeWindow } from "./window";
export { DATA_EVENTS_NOTE, LOOKUP_BLIND_SPOT_NOTE } from "./notes";
export { scanTrail, type TrailScanInput } from "./trail-scan";
