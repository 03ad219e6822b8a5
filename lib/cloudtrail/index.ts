export { startLookup, type LookupStartErrorCode } from "./lookup";
export { cloudTrailPages, type CloudTrailConnection } from "./page-source";
export { pacerFor } from "./pacers";
export { lookupStatus } from "./status";
