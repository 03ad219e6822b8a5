import { fileURLToPath } from "node:url";

/** The documented example configuration: sandbox (every signed-in user) and production (groups platform and sre). */
export const EXAMPLE_CONFIG = fileURLToPath(new URL("../../../portal.example.yaml", import.meta.url));

export const SANDBOX = "111111111111";
export const PRODUCTION = "222222222222";

/**
 * The environment of the portal mode behind oauth2-proxy with the example configuration, its AWS calls sent to
 * `endpoint` (the local one) with dummy keys for the portal's own identity.
 */
export function portalEnv(endpoint: string): Record<string, string> {
  return {
    WHYDENIED_AUTH: "proxy",
    WHYDENIED_PROXY: "oauth2-proxy",
    WHYDENIED_CONFIG: EXAMPLE_CONFIG,
    WHYDENIED_STS_ENDPOINT: endpoint,
    WHYDENIED_CLOUDTRAIL_ENDPOINT: endpoint,
    WHYDENIED_TOOLBOX_ENDPOINT: endpoint,
    AWS_ACCESS_KEY_ID: "portal",
    AWS_SECRET_ACCESS_KEY: "portal",
    AWS_EC2_METADATA_DISABLED: "true",
  };
}

/** The headers oauth2-proxy adds for a signed-in user. */
export function signedIn(email: string, groups: string[] = []): Record<string, string> {
  return { "x-forwarded-email": email, ...(groups.length > 0 ? { "x-forwarded-groups": groups.join(",") } : {}) };
}
