import { randomBytes } from "node:crypto";

/** A session AssumeRole granted: what later requests signed with its access key are taken to be. */
export interface IssuedSession {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  accountId: string;
  roleArn: string;
  sourceIdentity: string | null;
  /** Epoch ms. */
  expiresAt: number;
}

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

function base32(bytes: Buffer): string {
  return [...bytes].map((byte) => BASE32[byte % 32]).join("");
}

/**
 * The temporary credentials the endpoint has handed out, so the services behind it know which account (and role)
 * a signed request comes from. Kept across `reset()`: a client's cached session stays valid, as it would at AWS.
 */
export class SessionRegistry {
  private readonly sessions = new Map<string, IssuedSession>();

  /** New credentials for `roleArn`; the access key id is `ASIA` + 16 characters, as AWS's temporary keys are. */
  issue(fields: Omit<IssuedSession, "accessKeyId" | "secretAccessKey" | "sessionToken">): IssuedSession {
    const session: IssuedSession = {
      ...fields,
      accessKeyId: `ASIA${base32(randomBytes(16))}`,
      secretAccessKey: randomBytes(30).toString("base64"),
      sessionToken: randomBytes(48).toString("base64"),
    };
    this.sessions.set(session.accessKeyId, session);
    return session;
  }

  /** The session an access key belongs to, or why it is not one: never issued here, or past its expiry. */
  find(accessKeyId: string, now: number): IssuedSession | "unknown" | "expired" {
    const session = this.sessions.get(accessKeyId);
    if (!session) return "unknown";
    return session.expiresAt <= now ? "expired" : session;
  }
}
