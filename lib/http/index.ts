export { parseJson, readLimitedText } from "./read-body";
export { statusFor } from "./status";
export { guardedHeadersOf, hostNameOf, refuseRequest } from "./request-guard";
export {
  apiSecurityHeaders,
  isSnapshotPath,
  NONCE_HEADER,
  securityHeaders,
  SNAPSHOT_HEADERS,
} from "./security-headers";
export { clientKeyOf } from "./client-address";
export { createClientLimiter } from "./client-limiter";
export { sharedClientLimiter, type SharedClientLimiter } from "./shared-client-limiter";
