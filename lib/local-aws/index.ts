/**
 * A local AWS endpoint: a real HTTP server speaking the wire protocols of the emulated services
 * (one file each in ./services; today CloudTrail LookupEvents) over the records it is given,
 * with a shared rate limit, injectable faults and stats for tests.
 */
export { startLocalAws, type LocalAws } from "./server";
export { CONTROL_TOKEN_HEADER } from "./control-routes";
export type { Fault } from "./faults";
export type { EndpointStats } from "./stats";
export { trailRecordSchema, type TrailRecord } from "../trail-record";
