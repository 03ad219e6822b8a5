/** Temporary credentials of one assumed-role session. */
export interface SessionCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  /** Epoch ms. */
  expiresAt: number;
}

/**
 * Where assumed sessions are kept between requests, by account, role and user. The in-memory one serves one
 * process; replicas need one they share (a database table), which must keep the secrets encrypted at rest.
 */
export interface SessionCredentialCache {
  /** The credentials stored under `key`, when they stay valid past `validUntil` (epoch ms); else null. */
  get(key: string, validUntil: number): Promise<SessionCredentials | null>;
  set(key: string, credentials: SessionCredentials): Promise<void>;
}

/** A SessionCredentialCache for one process; it drops sessions as they go stale, so it holds live ones only. */
export class InMemorySessionCredentialCache implements SessionCredentialCache {
  private readonly entries = new Map<string, SessionCredentials>();

  /** `now` (epoch ms) decides which stored sessions have expired and can go. */
  constructor(private readonly now: () => number) {}

  get(key: string, validUntil: number): Promise<SessionCredentials | null> {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt <= validUntil) this.entries.delete(key);
    return Promise.resolve(entry && entry.expiresAt > validUntil ? entry : null);
  }

  set(key: string, credentials: SessionCredentials): Promise<void> {
    for (const [other, entry] of this.entries) if (entry.expiresAt <= this.now()) this.entries.delete(other);
    this.entries.set(key, credentials);
    return Promise.resolve();
  }

  /** How many sessions it holds (for tests and metrics). */
  get size(): number {
    return this.entries.size;
  }
}
