export { systemClock, type Clock } from "./clock";
export { LOOKUP_POLICY, type LookupErrorCode } from "./errors";
export { createPacer, type Pacer } from "./pacer";
export { planLookup } from "./plan";
export { DEFAULT_RETRY } from "./retry";
export { parseRoleTarget, type RoleTarget } from "./role";
export { scanDenials, type LookupPage, type PageSource } from "./scan";
export { resolveWindow } from "./window";
export { scanTrail } from "./trail-scan";
