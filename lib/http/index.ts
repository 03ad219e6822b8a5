export { clientAddressOf } from "./client-address";
export { parseJson, readLimitedText } from "./read-body";
export { statusFor } from "./status";
export { guardedHeadersOf, hostNameOf, refuseRequest } from "./request-guard";
export { isSnapshotPath, NONCE_HEADER, securityHeaders, SNAPSHOT_HEADERS } from "./security-headers";
