/**
 * Sign-in through the company's identity proxy (WHYDENIED_AUTH=proxy): oauth2-proxy's headers, or an ALB's
 * signed OIDC token, become an Identity or a typed "unauthenticated"; identityHeadersToStrip says which
 * headers no request may bring in.
 */
export { createAuthenticator, authSettingsFromEnv, trustedProxy, type AuthSettings } from "./authenticator";
export { identityHeadersToStrip, IDENTITY_HEADERS, type ProxyKind } from "./headers";
export type { AlbSettings } from "./alb";
export type { AuthResult, HeaderSource, Identity } from "./identity";
