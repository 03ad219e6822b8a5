import type { ServerEnv } from "../env-schema";
import { fail, ok, type Result } from "../result";
import { albAuthenticator, type AlbSettings } from "./alb";
import { identityFromOauth2Proxy } from "./forwarded";
import type { AuthResult, HeaderSource } from "./identity";

/** How requests are signed in: not at all, or by one reverse proxy. */
export type AuthSettings =
  | { mode: "off" }
  | { mode: "proxy"; proxy: "oauth2-proxy" | "auth-request" }
  | { mode: "proxy"; proxy: "alb"; alb: AlbSettings };

/** The sign-in settings the checked environment describes (parseEnv has made sure the ALB fields are there). */
export function authSettingsFromEnv(env: ServerEnv): Result<AuthSettings, "auth.misconfigured"> {
  if (env.WHYDENIED_AUTH === "off") return ok({ mode: "off" });
  const proxy = env.WHYDENIED_PROXY;
  if (proxy === "oauth2-proxy" || proxy === "auth-request") return ok({ mode: "proxy", proxy });
  const { WHYDENIED_ALB_ARN: albArn, WHYDENIED_ALB_ISSUER: issuer, WHYDENIED_ALB_CLIENT_ID: clientId } = env;
  if (proxy !== "alb" || !albArn || !issuer || !clientId)
    return fail(
      "auth.misconfigured",
      "WHYDENIED_AUTH=proxy needs WHYDENIED_PROXY (and, for an ALB, its ARN, issuer and client id).",
    );
  return ok({
    mode: "proxy",
    proxy: "alb",
    alb: {
      albArn,
      issuer,
      clientId,
      keyEndpoint: env.WHYDENIED_ALB_KEY_ENDPOINT,
      groupsClaim: env.WHYDENIED_GROUPS_CLAIM,
    },
  });
}

/**
 * The function that tells who sent a request, for proxy mode: it reads only the configured proxy's headers and
 * answers unauthenticated for anything missing or forged. Create it once: the ALB's public keys are cached in it.
 */
export function createAuthenticator(
  settings: Exclude<AuthSettings, { mode: "off" }>,
): (headers: HeaderSource) => Promise<AuthResult> {
  if (settings.proxy === "alb") return albAuthenticator(settings.alb);
  const via = settings.proxy;
  return (headers) => Promise.resolve(identityFromOauth2Proxy(headers, via));
}
