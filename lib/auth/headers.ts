/** The headers oauth2-proxy sets as the reverse proxy (`--pass-user-headers`). */
export const FORWARDED_HEADERS = {
  user: "x-forwarded-user",
  email: "x-forwarded-email",
  groups: "x-forwarded-groups",
  preferredUsername: "x-forwarded-preferred-username",
} as const;

/** The headers oauth2-proxy answers nginx's auth_request with (`--set-xauthrequest`), which nginx passes on. */
export const AUTH_REQUEST_HEADERS = {
  user: "x-auth-request-user",
  email: "x-auth-request-email",
  groups: "x-auth-request-groups",
  preferredUsername: "x-auth-request-preferred-username",
} as const;

/** The headers an ALB with OIDC authentication adds; only x-amzn-oidc-data is signed. */
export const ALB_HEADERS = {
  data: "x-amzn-oidc-data",
  identity: "x-amzn-oidc-identity",
  accessToken: "x-amzn-oidc-accesstoken",
} as const;

export type ProxyKind = "oauth2-proxy" | "auth-request" | "alb";

const HEADERS_OF: Record<ProxyKind, readonly string[]> = {
  "oauth2-proxy": Object.values(FORWARDED_HEADERS),
  "auth-request": Object.values(AUTH_REQUEST_HEADERS),
  alb: Object.values(ALB_HEADERS),
};

/** Every identity header any supported proxy sets. */
export const IDENTITY_HEADERS: readonly string[] = Object.values(HEADERS_OF).flat();

/**
 * The identity headers to remove from every request before anything reads them: all of them when sign-in is
 * off (so no client can pose as a user through a route the proxy does not front), and those of the other
 * proxies when it is on (only the configured proxy's headers are ever trusted).
 */
export function identityHeadersToStrip(proxy: ProxyKind | null): string[] {
  const trusted = new Set(proxy ? HEADERS_OF[proxy] : []);
  return IDENTITY_HEADERS.filter((name) => !trusted.has(name));
}
