import type { Kysely } from "kysely";
import type { Database } from "./schema";

/** A token bucket as the database keeps it (`updatedAt` epoch ms). */
interface StoredBucket {
  tokens: number;
  updatedAt: number;
}

/** The database edge of shared token buckets. */
export interface RateBucketStore {
  /**
   * In one transaction holding the bucket's row: reads the bucket under `key` (null when there is none), writes the
   * bucket `change` returns, and resolves with its answer. Buckets untouched since `idleBefore` (epoch ms; full again,
   * so the same as none) are deleted on the way.
   */
  change<T>(
    key: string,
    idleBefore: number,
    change: (bucket: StoredBucket | null) => { bucket: StoredBucket; answer: T },
  ): Promise<T>;
}

/** Shared token buckets on an open, migrated database. */
export function rateBucketsOn(db: Kysely<Database>): RateBucketStore {
  return {
    change(key, idleBefore, change) {
      return db.transaction().execute(async (trx) => {
        await trx
          .deleteFrom("rate_buckets")
          .where("updated_at", "<", new Date(idleBefore))
          .where("key", "!=", key)
          .execute();
        const row = await trx
          .selectFrom("rate_buckets")
          .select(["tokens", "updated_at"])
          .where("key", "=", key)
          .forUpdate()
          .executeTakeFirst();
        const { bucket, answer } = change(row ? { tokens: row.tokens, updatedAt: row.updated_at.getTime() } : null);
        const values = { tokens: bucket.tokens, updated_at: new Date(bucket.updatedAt) };
        await trx
          .insertInto("rate_buckets")
          .values({ key, ...values })
          .onConflict((conflict) => conflict.column("key").doUpdateSet(values))
          .execute();
        return answer;
      });
    },
  };
}
