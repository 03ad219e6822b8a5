export { abortReason, systemClock, type Clock } from "./clock";
export {
  cloudTrailConsoleUrl,
  createDenialCollector,
  MAX_DETAILED_GROUPS,
  MAX_GROUPS,
  MAX_ROWS,
  type CatalogSource,
} from "./denials";
export { isFatal, isRetryable, LOOKUP_POLICY, type LookupErrorCode } from "./errors";
export { isRoleDenial } from "./filter";
export { createPacer, type Pacer } from "./pacer";
export { planLookup, type LookupPlan } from "./plan";
export { DEFAULT_RETRY, type RetryPolicy } from "./retry";
export { parseRoleTarget, type RoleTarget } from "./role";
export { scanDenials, type LookupPage, type PageRequest, type PageSource, type ScanDeps } from "./scan";
export { resolveWindow, type TimeWindow } from "./window";
export { scanTrail, type TrailScanDeps, type TrailScanInput } from "./trail-scan";
