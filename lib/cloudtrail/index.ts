export { startLookup, type AccountScope } from "./lookup";
export { cloudTrailPages } from "./page-source";
export { pacerFor } from "./pacers";
export { lookupStatus } from "./status";
