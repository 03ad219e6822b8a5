import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";
import { z } from "zod";
import type { SealedCredentialStore } from "../../store";
import type { SessionCredentialCache, SessionCredentials } from "./cache";

/** The shortest secret accepted, as WHYDENIED_SECRET's check says: `openssl rand -base64 32` gives 44 characters. */
const MIN_SECRET_LENGTH = 32;

const IV_BYTES = 12;
const FORMAT = "v1";

const credentialsSchema = z.object({
  accessKeyId: z.string(),
  secretAccessKey: z.string(),
  sessionToken: z.string(),
  expiresAt: z.number(),
});

/** Two keys from the secret: one encrypts the credentials, the other names their rows without revealing who they are for. */
function keysFrom(secret: string): { sealing: Buffer; naming: Buffer } {
  const derive = (purpose: string) =>
    Buffer.from(hkdfSync("sha256", secret, "whydenied", `session-credentials ${purpose}`, 32));
  return { sealing: derive("sealing"), naming: derive("naming") };
}

/**
 * A SessionCredentialCache every replica shares: rows in the database, each sealed with AES-256-GCM under a key
 * derived from `secret` (WHYDENIED_SECRET), bound to its row (the row's name is the additional data), and named by an
 * HMAC of the cache key, so the table shows neither secrets nor users. A row that does not open (another secret,
 * tampered) is a miss: the session is assumed again and the row replaced. Expired rows are deleted as sessions are saved.
 */
export class SealedSessionCredentialCache implements SessionCredentialCache {
  private readonly keys: { sealing: Buffer; naming: Buffer };

  constructor(
    private readonly rows: SealedCredentialStore,
    secret: string,
    private readonly now: () => number,
    private readonly random: (bytes: number) => Buffer = randomBytes,
  ) {
    if (secret.length < MIN_SECRET_LENGTH)
      throw new RangeError(`the secret needs at least ${MIN_SECRET_LENGTH} characters`);
    this.keys = keysFrom(secret);
  }

  async get(key: string, validUntil: number): Promise<SessionCredentials | null> {
    const name = this.nameOf(key);
    const sealed = await this.rows.find(name, new Date(validUntil));
    return sealed === null ? null : this.open(sealed, name);
  }

  async set(key: string, credentials: SessionCredentials): Promise<void> {
    const name = this.nameOf(key);
    await this.rows.save(name, this.seal(credentials, name), new Date(credentials.expiresAt), new Date(this.now()));
  }

  private nameOf(key: string): string {
    return createHmac("sha256", this.keys.naming).update(key).digest("base64url");
  }

  private seal(credentials: SessionCredentials, name: string): string {
    const iv = this.random(IV_BYTES);
    const cipher = createCipheriv("aes-256-gcm", this.keys.sealing, iv).setAAD(Buffer.from(name));
    const text = Buffer.concat([cipher.update(JSON.stringify(credentials), "utf8"), cipher.final()]);
    return [FORMAT, iv, cipher.getAuthTag(), text]
      .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
      .join(".");
  }

  private open(sealed: string, name: string): SessionCredentials | null {
    const [format, iv, tag, text] = sealed.split(".");
    if (format !== FORMAT || iv === undefined || tag === undefined || text === undefined) return null;
    try {
      const decipher = createDecipheriv("aes-256-gcm", this.keys.sealing, Buffer.from(iv, "base64url"))
        .setAAD(Buffer.from(name))
        .setAuthTag(Buffer.from(tag, "base64url"));
      const clear = Buffer.concat([decipher.update(Buffer.from(text, "base64url")), decipher.final()]).toString("utf8");
      const parsed = credentialsSchema.safeParse(JSON.parse(clear));
      return parsed.success ? parsed.data : null;
    } catch {
      // The authentication tag did not match: sealed under another secret, or changed in the database.
      return null;
    }
  }
}
