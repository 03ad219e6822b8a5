import "server-only";
import { readFile } from "node:fs/promises";
import { authSettingsFromEnv, createAuthenticator, type HeaderSource, type Identity, type ProxyKind } from "../../auth";
import { serverEnv } from "../../env";
import type { ServerEnv } from "../../env-schema";
import { ok, type Result } from "../../result";
import { accountsVisibleTo, loadPortalConfig, type PortalAccount, type PortalConfig } from "../config";

/** Who sent a request and what they may use: no one in particular when sign-in is off. */
export type RequestContext =
  | { mode: "single"; identity: Identity | null }
  | { mode: "portal"; identity: Identity; config: PortalConfig; accounts: PortalAccount[] };

export type RequestContextErrorCode =
  "auth.unauthenticated" | "auth.misconfigured" | "config.unreadable" | "config.invalid";

interface Portal {
  /** The proxy whose identity headers are trusted; null when sign-in is off. */
  proxy: ProxyKind | null;
  authenticate: ((headers: HeaderSource) => Promise<Result<Identity, "auth.unauthenticated">>) | null;
  config: PortalConfig | null;
}

/**
 * Kept on globalThis: one authenticator (its ALB key cache) and one read of the configuration file per process, made
 * again only when the environment changes (tests change it).
 */
const holder = globalThis as {
  whydeniedPortal?: { env: ServerEnv; portal: Promise<Result<Portal, RequestContextErrorCode>> };
};

async function start(env: ServerEnv): Promise<Result<Portal, RequestContextErrorCode>> {
  const settings = authSettingsFromEnv(env);
  if (!settings.ok) return settings;
  const proxy = settings.value.mode === "off" ? null : settings.value.proxy;
  const authenticate = settings.value.mode === "off" ? null : createAuthenticator(settings.value);
  if (env.WHYDENIED_CONFIG === undefined) return ok({ proxy, authenticate, config: null });
  const config = await loadPortalConfig(env.WHYDENIED_CONFIG, (path) => readFile(path, "utf8"));
  return config.ok ? ok({ proxy, authenticate, config: config.value }) : config;
}

/**
 * The server's sign-in and portal configuration, read once (at start-up by instrumentation.ts, which stops the
 * server with the file's problems when it is bad).
 */
export function portalSettings(): Promise<Result<Portal, RequestContextErrorCode>> {
  const env = serverEnv();
  if (holder.whydeniedPortal?.env !== env) holder.whydeniedPortal = { env, portal: start(env) };
  return holder.whydeniedPortal.portal;
}

/**
 * The context of one request: with sign-in on, its identity from the configured proxy's headers (unauthenticated
 * when they are missing or forged); with a portal configuration, the accounts the user's groups may use.
 */
export async function requestContext(headers: HeaderSource): Promise<Result<RequestContext, RequestContextErrorCode>> {
  const portal = await portalSettings();
  if (!portal.ok) return portal;
  const { authenticate, config } = portal.value;
  if (!authenticate) return ok({ mode: "single", identity: null });
  const identity = await authenticate(headers);
  if (!identity.ok) return identity;
  if (!config) return ok({ mode: "single", identity: identity.value });
  return ok({
    mode: "portal",
    identity: identity.value,
    config,
    accounts: accountsVisibleTo(config, identity.value.groups),
  });
}
