import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { TurnLedger } from "../lookup";
import type { Database } from "./schema";

/** More turns than any budget's rule looks back on (the rate is at most 2 a second, the rule needs ceil(rate)). */
const RECENT_TURNS = 4;

/** Turns older than this cannot decide anything (their leases are over and their windows long closed): deleted. */
const FORGET_AFTER_MS = 5 * 60 * 1000;

/**
 * The shared LookupEvents ledger on the database: taking a turn locks the budget's row (`select … for update`, the row
 * made on first use) for one transaction, in which the budget's recent turns are read and the new one is written, so
 * replicas take turns one at a time.
 */
export function pacerTurnsOn(db: Kysely<Database>): TurnLedger {
  return {
    take(budget, now, leaseMs, decide) {
      return db.transaction().execute(async (trx) => {
        await trx
          .insertInto("pacer_budgets")
          .values({ budget })
          .onConflict((conflict) => conflict.column("budget").doNothing())
          .execute();
        await trx.selectFrom("pacer_budgets").select("budget").where("budget", "=", budget).forUpdate().execute();
        const rows = await trx
          .selectFrom("pacer_turns")
          .select(["started_at", "finished_at", "lease_until"])
          .where("budget", "=", budget)
          .orderBy("started_at", "desc")
          .limit(RECENT_TURNS)
          .execute();
        const decision = decide(
          rows.map((row) => ({
            startedAt: row.started_at.getTime(),
            finishedAt: row.finished_at?.getTime() ?? null,
            leaseUntil: row.lease_until.getTime(),
          })),
        );
        if (!decision.take) return { taken: false, waitMs: decision.waitMs };
        const id = randomUUID();
        await trx
          .insertInto("pacer_turns")
          .values({
            id,
            budget,
            started_at: new Date(decision.at),
            finished_at: null,
            lease_until: new Date(decision.at + leaseMs),
          })
          .execute();
        if (rows.length === RECENT_TURNS)
          await trx
            .deleteFrom("pacer_turns")
            .where("budget", "=", budget)
            .where("started_at", "<", new Date(now - FORGET_AFTER_MS))
            .execute();
        return { taken: true, turnId: id, at: decision.at };
      });
    },
    async finish(turnId, now) {
      await db
        .updateTable("pacer_turns")
        .set({ finished_at: new Date(now) })
        .where("id", "=", turnId)
        .execute();
    },
  };
}
