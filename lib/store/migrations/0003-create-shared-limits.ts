import type { Kysely } from "kysely";

/**
 * What replicas of the app share so that together they keep one set of limits: the LookupEvents budgets (a row per
 * account-or-endpoint and Region, locked while a turn is taken, and the recent turns with their answers and leases),
 * the snapshot-creation token buckets, the per-client slots of running lookups and uploads (leases that run out
 * when a replica dies), and the assumed-role session credentials (encrypted by the app before they get here).
 * @public (Kysely's Migrator calls it)
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("pacer_budgets")
    .addColumn("budget", "text", (column) => column.primaryKey())
    .execute();
  await db.schema
    .createTable("pacer_turns")
    .addColumn("id", "uuid", (column) => column.primaryKey())
    .addColumn("budget", "text", (column) => column.notNull().references("pacer_budgets.budget").onDelete("cascade"))
    .addColumn("started_at", "timestamptz", (column) => column.notNull())
    .addColumn("finished_at", "timestamptz")
    .addColumn("lease_until", "timestamptz", (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex("pacer_turns_budget_started_at")
    .on("pacer_turns")
    .columns(["budget", "started_at"])
    .execute();
  await db.schema
    .createTable("rate_buckets")
    .addColumn("key", "text", (column) => column.primaryKey())
    .addColumn("tokens", "double precision", (column) => column.notNull())
    .addColumn("updated_at", "timestamptz", (column) => column.notNull())
    .execute();
  await db.schema
    .createTable("client_slots")
    .addColumn("id", "uuid", (column) => column.primaryKey())
    .addColumn("kind", "text", (column) => column.notNull())
    .addColumn("client", "text", (column) => column.notNull())
    .addColumn("lease_until", "timestamptz", (column) => column.notNull())
    .execute();
  await db.schema.createIndex("client_slots_kind_client").on("client_slots").columns(["kind", "client"]).execute();
  await db.schema
    .createTable("session_credentials")
    .addColumn("key_hash", "text", (column) => column.primaryKey())
    .addColumn("sealed", "text", (column) => column.notNull())
    .addColumn("expires_at", "timestamptz", (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex("session_credentials_expires_at")
    .on("session_credentials")
    .column("expires_at")
    .execute();
}

/** @public (Kysely's Migrator calls it to migrate down) */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["session_credentials", "client_slots", "rate_buckets", "pacer_turns", "pacer_budgets"])
    await db.schema.dropTable(table).execute();
}
