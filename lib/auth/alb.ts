import { AlbJwtVerifier } from "aws-jwt-verify";
import { AlbJwksCache } from "aws-jwt-verify/alb-cache";
import { fail, ok } from "../result";
import { ALB_HEADERS } from "./headers";
import type { AuthResult, HeaderSource } from "./identity";

const KEY_FETCH_TIMEOUT_MS = 5_000;

export interface AlbSettings {
  /** The ALB whose signature the token must carry (`signer` in its header). */
  albArn: string;
  /** The identity provider's `iss`. */
  issuer: string;
  /** The listener's OIDC client id (`client` in the token's header). */
  clientId: string;
  /** Where the ALB's public keys live (`<endpoint>/<kid>`, PEM); default the ALB Region's ELB endpoint. */
  keyEndpoint?: string;
  /** The claim that lists the user's groups (an array, or a comma-separated string). */
  groupsClaim: string;
}

/** Public keys over the Fetch API, which reads http:// too (the library's own fetcher speaks https only). */
const keyFetcher = {
  async fetch(uri: string): Promise<ArrayBuffer> {
    const response = await fetch(uri, { signal: AbortSignal.timeout(KEY_FETCH_TIMEOUT_MS) });
    if (!response.ok) throw new Error(`${uri} answered ${response.status}`);
    return response.arrayBuffer();
  },
};

function groupsOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : typeof value === "string" ? value.split(",") : [];
  return [
    ...new Set(list.filter((group): group is string => typeof group === "string").map((group) => group.trim())),
  ].filter(Boolean);
}

/**
 * Checks `x-amzn-oidc-data` as aws-jwt-verify's ALB verifier does: an ES256 signature by the ALB's public key
 * (fetched by key id and cached), `signer` equal to the configured ALB, the issuer and client, and not expired.
 * Anything else — no header, another key, another ALB, an old token — is unauthenticated.
 */
export function albAuthenticator(settings: AlbSettings): (headers: HeaderSource) => Promise<AuthResult> {
  const verifier = AlbJwtVerifier.create(
    {
      albArn: settings.albArn,
      issuer: settings.issuer,
      clientId: settings.clientId,
      ...(settings.keyEndpoint ? { jwksUri: settings.keyEndpoint.replace(/\/+$/, "") } : {}),
    },
    { jwksCache: new AlbJwksCache({ fetcher: keyFetcher }) },
  );
  return async (headers) => {
    const token = headers.get(ALB_HEADERS.data);
    if (!token)
      return fail("auth.unauthenticated", `Sign in first: the request carries no ${ALB_HEADERS.data} header.`);
    let claims: Record<string, unknown>;
    try {
      claims = await verifier.verify(token);
    } catch (error) {
      return fail(
        "auth.unauthenticated",
        `The ALB sign-in token was refused: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    const email = typeof claims.email === "string" && claims.email ? claims.email : null;
    const subject = typeof claims.sub === "string" && claims.sub ? claims.sub : null;
    const user = email ?? subject;
    if (!user) return fail("auth.unauthenticated", "The ALB sign-in token names no user (no email or sub claim).");
    return ok({ user, email, groups: groupsOf(claims[settings.groupsClaim]), via: "alb" });
  };
}
