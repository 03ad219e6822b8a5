import type { Kysely } from "kysely";
import { snapshotContentSchema, type SnapshotContent } from "../wire";
import type { Database } from "./schema";

/** A snapshot as the store keeps it: the saved content and its facts, and the hash of its owner's delete token. */
export interface SnapshotRecord {
  id: string;
  content: SnapshotContent;
  engineVersion: string;
  createdAt: Date;
  expiresAt: Date | null;
  createdBy: string | null;
  redacted: boolean;
  deleteTokenHash: string;
}

/** What a delete did: removed it, found no live snapshot with that id, or was given the wrong token. */
export type DeleteOutcome = "deleted" | "not-found" | "bad-token";

/** The database edge of saved snapshots. Every read takes `now`, so an expired snapshot is gone before the purge. */
export interface SnapshotStore {
  /** Saves a snapshot; resolves once the database has committed it. */
  insert(record: SnapshotRecord): Promise<void>;
  /** The live snapshot with this id, or null when there is none or it expired. */
  find(id: string, now: Date): Promise<SnapshotRecord | null>;
  /** Deletes a live snapshot whose delete token hashes to `tokenHash`. */
  remove(id: string, tokenHash: string, now: Date): Promise<DeleteOutcome>;
  /** Deletes every snapshot expired at `now`; resolves with how many. */
  purgeExpired(now: Date): Promise<number>;
}

/** The snapshot store on an open, migrated database. */
export function snapshotStoreOn(db: Kysely<Database>): SnapshotStore {
  const live = (now: Date) =>
    db.selectFrom("snapshots").where((row) => row.or([row("expires_at", "is", null), row("expires_at", ">", now)]));
  return {
    async insert(record) {
      await db
        .insertInto("snapshots")
        .values({
          id: record.id,
          kind: record.content.kind,
          content: JSON.stringify(record.content),
          engine_version: record.engineVersion,
          created_at: record.createdAt,
          expires_at: record.expiresAt,
          created_by: record.createdBy,
          redacted: record.redacted,
          delete_token_hash: record.deleteTokenHash,
        })
        .execute();
    },
    async find(id, now) {
      const row = await live(now).selectAll().where("id", "=", id).executeTakeFirst();
      if (!row) return null;
      return {
        id: row.id,
        // A row that no longer fits the schema is a bug (a migration must bring old rows along): it throws.
        content: snapshotContentSchema.parse(row.content),
        engineVersion: row.engine_version,
        createdAt: row.created_at,
        expiresAt: row.expires_at,
        createdBy: row.created_by,
        redacted: row.redacted,
        deleteTokenHash: row.delete_token_hash,
      };
    },
    async remove(id, tokenHash, now) {
      const row = await live(now).select("delete_token_hash").where("id", "=", id).executeTakeFirst();
      if (!row) return "not-found";
      if (row.delete_token_hash !== tokenHash) return "bad-token";
      await db.deleteFrom("snapshots").where("id", "=", id).execute();
      return "deleted";
    },
    async purgeExpired(now) {
      const result = await db.deleteFrom("snapshots").where("expires_at", "<=", now).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
