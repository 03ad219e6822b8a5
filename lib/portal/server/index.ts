/** The server's side of the portal: who sent a request, and what they may use. Server-only. */
export { portalSettings, requestContext, type RequestContext, type RequestContextErrorCode } from "./context";
export { lookupAccount } from "./lookup-account";
export { roleSessions } from "./role-sessions";
export { portalSessionOf } from "./session";
export { admitRequest } from "./sign-in";
