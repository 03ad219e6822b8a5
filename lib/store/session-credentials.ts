import type { Kysely } from "kysely";
import type { Database } from "./schema";

/** The database edge of the shared session-credential cache: sealed text by key hash; it never sees a secret in clear. */
export interface SealedCredentialStore {
  /** The sealed credentials under `keyHash` that stay valid past `validUntil`, or null. */
  find(keyHash: string, validUntil: Date): Promise<string | null>;
  /** Saves (or replaces) the sealed credentials under `keyHash`, and deletes every row expired at `now`. */
  save(keyHash: string, sealed: string, expiresAt: Date, now: Date): Promise<void>;
}

/** Sealed session credentials on an open, migrated database. */
export function sessionCredentialsOn(db: Kysely<Database>): SealedCredentialStore {
  return {
    async find(keyHash, validUntil) {
      const row = await db
        .selectFrom("session_credentials")
        .select("sealed")
        .where("key_hash", "=", keyHash)
        .where("expires_at", ">", validUntil)
        .executeTakeFirst();
      return row?.sealed ?? null;
    },
    async save(keyHash, sealed, expiresAt, now) {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom("session_credentials").where("expires_at", "<=", now).execute();
        await trx
          .insertInto("session_credentials")
          .values({ key_hash: keyHash, sealed, expires_at: expiresAt })
          .onConflict((conflict) => conflict.column("key_hash").doUpdateSet({ sealed, expires_at: expiresAt }))
          .execute();
      });
    },
  };
}
