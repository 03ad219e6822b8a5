/** A local CloudTrail LookupEvents endpoint (a real HTTP server) and the demo data it serves by default. */
export { startLocalCloudTrail, type LocalCloudTrail, type LocalCloudTrailOptions } from "./server";
export { seedDemoEvents, DEMO_ACCOUNT, DEMO_ROLES } from "./seed";
export type { FaultControl } from "./faults";
export type { EndpointStats } from "./stats";
export type { SeedRecord } from "./record";
