import "server-only";
import { serverEnv } from "../../env";
import { systemClock, type Clock } from "../../lookup";
import type { Store } from "../../store";
import { InMemorySessionCredentialCache, type SessionCredentialCache } from "./cache";
import { SealedSessionCredentialCache } from "./sealed-cache";

/**
 * The session-credential cache for the server's store: with PostgreSQL, the sealed table every replica shares (so
 * they do not each assume the role), encrypted with WHYDENIED_SECRET, which the environment's check requires in portal
 * mode with DATABASE_URL; with the embedded store (one process), one in memory.
 */
export function sessionCacheFor(
  store: Pick<Store, "kind" | "shared">,
  secret: string | undefined = serverEnv().WHYDENIED_SECRET,
  clock: Pick<Clock, "now"> = systemClock,
): SessionCredentialCache {
  const now = () => clock.now();
  if (store.kind === "embedded") return new InMemorySessionCredentialCache(now);
  if (secret === undefined)
    throw new Error("WHYDENIED_SECRET must be set to share session credentials through PostgreSQL (DATABASE_URL).");
  return new SealedSessionCredentialCache(store.shared.sessionCredentials, secret, now);
}
