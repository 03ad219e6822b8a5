import "server-only";
import { serverEnv } from "../../env";
import type { ServerEnv } from "../../env-schema";
import { systemClock } from "../../lookup";
import { InMemorySessionCredentialCache, RoleSessions, stsRoleAssumer } from "../credentials";

/** STS is global; its regional endpoint is the server's Region, else us-east-1. */
const DEFAULT_STS_REGION = "us-east-1";

/** Kept on globalThis: one set of cached sessions per process, made again only when the environment changes. */
const holder = globalThis as { whydeniedRoleSessions?: { env: ServerEnv; sessions: RoleSessions } };

/**
 * The process's assumed-role sessions: STS AssumeRole from the server's own default credential chain (to
 * WHYDENIED_STS_ENDPOINT when set), each session cached until shortly before it expires.
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
        cache: new InMemorySessionCredentialCache(() => systemClock.now()),
        clock: systemClock,
      }),
    };
  return holder.whydeniedRoleSessions.sessions;
}
