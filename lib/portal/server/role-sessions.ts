import "server-only";
import { serverEnv } from "../../env";
import type { ServerEnv } from "../../env-schema";
import { systemClock } from "../../lookup";
import { processStore } from "../../store/process";
import {
  InMemorySessionCredentialCache,
  RoleSessions,
  sessionCacheFor,
  stsRoleAssumer,
  type SessionCredentialCache,
} from "../credentials";

/** STS is global; its regional endpoint is the server's Region, else us-east-1. */
const DEFAULT_STS_REGION = "us-east-1";

/**
 * The cache of the process's store, taken on first use: with PostgreSQL the sealed table all replicas share. While the
 * store cannot be opened, sessions are kept in memory (the store's own routes report the outage).
 */
function processSessionCache(): SessionCredentialCache {
  const memory = new InMemorySessionCredentialCache(() => systemClock.now());
  let shared: SessionCredentialCache | null = null;
  const current = async () => {
    if (shared) return shared;
    const store = await processStore();
    if (!store.ok) return memory;
    shared = sessionCacheFor(store.value);
    return shared;
  };
  return {
    get: async (key, validUntil) => (await current()).get(key, validUntil),
    set: async (key, credentials) => (await current()).set(key, credentials),
  };
}

/** Kept on globalThis: one set of cached sessions per process, made again only when the environment changes. */
const holder = globalThis as { whydeniedRoleSessions?: { env: ServerEnv; sessions: RoleSessions } };

/**
 * The process's assumed-role sessions: STS AssumeRole from the server's own default credential chain (to
 * WHYDENIED_STS_ENDPOINT when set), each session cached until shortly before it expires (shared by the replicas on
 * one PostgreSQL).
 */
export function roleSessions(): RoleSessions {
  const env = serverEnv();
  if (holder.whydeniedRoleSessions?.env !== env)
    holder.whydeniedRoleSessions = {
      env,
      sessions: new RoleSessions({
        assumeRole: stsRoleAssumer({
          region: env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? DEFAULT_STS_REGION,
          endpoint: env.WHYDENIED_STS_ENDPOINT,
        }),
        cache: processSessionCache(),
        clock: systemClock,
      }),
    };
  return holder.whydeniedRoleSessions.sessions;
}
