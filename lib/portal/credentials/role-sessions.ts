import type { Clock } from "../../lookup";
import { ok, type Result } from "../../result";
import type { PortalAccount } from "../config";
import type { SessionCredentialCache, SessionCredentials } from "./cache";
import type { AssumeRoleErrorCode, RoleAssumer } from "./assume-role";
import { stsSessionName } from "./session-name";

/** A cached session is renewed this long before it expires, so no call starts with credentials about to lapse. */
export const REFRESH_MARGIN_MS = 5 * 60 * 1000;

interface RoleSessionsOptions {
  assumeRole: RoleAssumer;
  cache: SessionCredentialCache;
  clock: Pick<Clock, "now">;
  refreshMarginMs?: number;
}

/** The session credentials of one account's role for one signed-in user, assumed once and reused. */
export class RoleSessions {
  private readonly inFlight = new Map<string, Promise<Result<SessionCredentials, AssumeRoleErrorCode>>>();
  private readonly margin: number;

  constructor(private readonly options: RoleSessionsOptions) {
    this.margin = options.refreshMarginMs ?? REFRESH_MARGIN_MS;
  }

  /**
   * Credentials for `account`'s role on behalf of `user` (its RoleSessionName and SourceIdentity): the cached
   * session while it has more than the margin left, else a new AssumeRole, which concurrent callers for the same
   * account and user share. A refusal is returned, never cached.
   */
  async credentialsFor(account: PortalAccount, user: string): Promise<Result<SessionCredentials, AssumeRoleErrorCode>> {
    const sessionName = stsSessionName(user);
    // Keyed by the user as signed in: two users whose names clean to the same session name keep separate sessions.
    const key = JSON.stringify([account.accountId, account.roleArn, user]);
    const cached = await this.options.cache.get(key, this.options.clock.now() + this.margin);
    if (cached) return ok(cached);
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const started = this.assume(account, sessionName, key).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, started);
    return started;
  }

  private async assume(
    account: PortalAccount,
    sessionName: string,
    key: string,
  ): Promise<Result<SessionCredentials, AssumeRoleErrorCode>> {
    const assumed = await this.options.assumeRole({
      roleArn: account.roleArn,
      externalId: account.externalId,
      roleSessionName: sessionName,
      sourceIdentity: sessionName,
      durationSeconds: account.sessionDurationSeconds,
    });
    if (assumed.ok) await this.options.cache.set(key, assumed.value);
    return assumed;
  }
}
