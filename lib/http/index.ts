export { parseJson, readLimitedText } from "./read-body";
export { statusFor } from "./status";
export { guardedHeadersOf, hostNameOf, refuseRequest } from "./request-guard";
export { NONCE_HEADER, securityHeaders } from "./security-headers";
