/**
 * Session credentials for a configured account's read-only role, assumed with STS on behalf of the signed-in
 * user (RoleSessionName and SourceIdentity name them) and cached until shortly before they expire.
 */
export { RoleSessions, REFRESH_MARGIN_MS } from "./role-sessions";
export { stsRoleAssumer, type AssumeRoleErrorCode, type AssumeRoleRequest, type RoleAssumer } from "./assume-role";
export { InMemorySessionCredentialCache } from "./cache";
export { SealedSessionCredentialCache } from "./sealed-cache";
/** @public The portal's routes take their RoleSessions' cache from it. */
export { sessionCacheFor } from "./cache-for-store";
/** @public The contract of a shared (database) cache for replicas. */
export type { SessionCredentialCache, SessionCredentials } from "./cache";
export { stsSessionName } from "./session-name";
