import { randomUUID } from "node:crypto";
import { sql, type Kysely } from "kysely";
import type { Database } from "./schema";

/** The database edge of per-client slots: leases that replicas renew while the work runs, and that lapse when one dies. */
export interface ClientSlotStore {
  /**
   * Takes one of `client`'s `max` places of `kind`, leased until `leaseUntil`: its id, or null when the client holds
   * `max` unexpired leases at `now`. Expired leases are deleted first. One transaction, locked per kind and client.
   */
  tryEnter(kind: string, client: string, max: number, now: Date, leaseUntil: Date): Promise<string | null>;
  /** Extends a lease; false when it is gone (it lapsed and was deleted). */
  renew(id: string, leaseUntil: Date): Promise<boolean>;
  release(id: string): Promise<void>;
}

/** Per-client slots on an open, migrated database. */
export function clientSlotsOn(db: Kysely<Database>): ClientSlotStore {
  return {
    tryEnter(kind, client, max, now, leaseUntil) {
      return db.transaction().execute(async (trx) => {
        // Two replicas must not both see max - 1 leases and both take the last place.
        await sql`select pg_advisory_xact_lock(hashtextextended(${`client-slots ${kind} ${client}`}, 0))`.execute(trx);
        await trx.deleteFrom("client_slots").where("lease_until", "<=", now).execute();
        const held = await trx
          .selectFrom("client_slots")
          .select((row) => row.fn.countAll<string>().as("count"))
          .where("kind", "=", kind)
          .where("client", "=", client)
          .executeTakeFirstOrThrow();
        if (Number(held.count) >= max) return null;
        const id = randomUUID();
        await trx.insertInto("client_slots").values({ id, kind, client, lease_until: leaseUntil }).execute();
        return id;
      });
    },
    async renew(id, leaseUntil) {
      const result = await db
        .updateTable("client_slots")
        .set({ lease_until: leaseUntil })
        .where("id", "=", id)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async release(id) {
      await db.deleteFrom("client_slots").where("id", "=", id).execute();
    },
  };
}
