/** The server's side of the portal: who sent a request, and what they may use. Server-only. */
export { portalSettings, requestContext, type RequestContext, type RequestContextErrorCode } from "./context";
export { withAuthority } from "./diagnose";
export { lookupAccount } from "./lookup-account";
export { portalSessionOf } from "./session";
export { admitRequest } from "./sign-in";
