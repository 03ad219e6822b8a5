/**
 * Sign-in through the company's identity proxy (WHYDENIED_AUTH=proxy): oauth2-proxy's headers, or an ALB's
 * signed OIDC token, become an Identity or a typed "unauthenticated"; identityHeadersToStrip says which
 * headers no request may bring in.
 */
export { createAuthenticator, authSettingsFromEnv } from "./authenticator";
export { identityHeadersToStrip, FORWARDED_HEADERS, IDENTITY_HEADERS, type ProxyKind } from "./headers";
/** @public What the portal's middleware and routes take and give (they are wired on the snapshot store next). */
export type { AuthResult, HeaderSource, Identity } from "./identity";
