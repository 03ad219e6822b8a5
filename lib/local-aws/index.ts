/**
 * A local AWS endpoint: a real HTTP server speaking the wire protocols of the emulated services
 * (one file each in ./services: CloudTrail LookupEvents, STS AssumeRole, IAM Toolbox authorization details)
 * over the records, roles and authorization ids it is given,
 * with a shared rate limit, injectable faults and stats for tests.
 */
export { startLocalAws, type LocalAws } from "./server";
export { CONTROL_TOKEN_HEADER } from "./control-routes";
export type { Fault } from "./faults";
export type { EndpointStats } from "./stats";
export type { AuthorizationSeed } from "./services";
export { RETENTION_MS as AUTHORIZATION_RETENTION_MS } from "./services/iam-toolbox";
export { trailRecordSchema, type TrailRecord } from "../trail-record";
