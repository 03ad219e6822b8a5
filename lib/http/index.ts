export { parseJson, readLimitedText } from "./read-body";
export { statusFor } from "./status";
export { guardedHeadersOf, hostNameOf, refuseRequest, type GuardPolicy, type GuardedHeaders } from "./request-guard";
export { contentSecurityPolicy, NONCE_HEADER, securityHeaders, type SecurityHeaderOptions } from "./security-headers";
