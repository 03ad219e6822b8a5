import { sql, type Kysely } from "kysely";

/**
 * The portal's history of runs and audit log of assumed roles. A run keeps who, when, where and the answer's roles,
 * actions and layers (never the pasted text); `terms` (GIN-indexed) and `search_text` serve the search, and every
 * filter has an index ending in the newest-first order `(at desc, id desc)` its pages are read in.
 * @public (Kysely's Migrator calls it)
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("runs")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("at", "timestamptz", (column) => column.notNull())
    .addColumn("user_name", "text", (column) => column.notNull())
    .addColumn("kind", "text", (column) =>
      column.notNull().check(sql`kind in ('diagnose', 'lookup', 'trail', 'snapshot')`),
    )
    .addColumn("account_id", "text")
    .addColumn("account_name", "text")
    .addColumn("roles", sql`text[]`, (column) => column.notNull())
    .addColumn("actions", sql`text[]`, (column) => column.notNull())
    .addColumn("layers", sql`text[]`, (column) => column.notNull())
    .addColumn("finding_count", "integer", (column) => column.notNull())
    .addColumn("snapshot_id", "text")
    .addColumn("terms", sql`text[]`, (column) => column.notNull())
    .addColumn("search_text", "text", (column) => column.notNull())
    .execute();
  await sql`create index runs_newest on runs (at desc, id desc)`.execute(db);
  await sql`create index runs_terms on runs using gin (terms)`.execute(db);
  await sql`create index runs_user on runs (lower(user_name), at desc, id desc)`.execute(db);
  await sql`create index runs_account on runs (account_id, at desc, id desc)`.execute(db);

  await db.schema
    .createTable("audit")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("at", "timestamptz", (column) => column.notNull())
    .addColumn("user_name", "text", (column) => column.notNull())
    .addColumn("account_id", "text", (column) => column.notNull())
    .addColumn("role_arn", "text", (column) => column.notNull())
    .addColumn("session_name", "text", (column) => column.notNull())
    .addColumn("purpose", "text", (column) => column.notNull().check(sql`purpose in ('lookup', 'authority')`))
    .addColumn("outcome", "text", (column) => column.notNull().check(sql`outcome in ('ok', 'refused')`))
    .execute();
  await sql`create index audit_oldest on audit (at, id)`.execute(db);
}

/** @public (Kysely's Migrator calls it to migrate down) */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("audit").execute();
  await db.schema.dropTable("runs").execute();
}
