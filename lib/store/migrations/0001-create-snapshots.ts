import { sql, type Kysely } from "kysely";

/**
 * The saved snapshots: one row each, its content as JSON text (json, not jsonb, so it reads back exactly as saved,
 * key order included), expiry indexed for the purge.
 * @public (Kysely's Migrator calls it)
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("snapshots")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("kind", "text", (column) => column.notNull().check(sql`kind in ('paste', 'lookup', 'trail')`))
    .addColumn("content", "json", (column) => column.notNull())
    .addColumn("engine_version", "text", (column) => column.notNull())
    .addColumn("created_at", "timestamptz", (column) => column.notNull())
    .addColumn("expires_at", "timestamptz")
    .addColumn("created_by", "text")
    .addColumn("redacted", "boolean", (column) => column.notNull())
    .addColumn("delete_token_hash", "text", (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex("snapshots_expires_at")
    .on("snapshots")
    .column("expires_at")
    .where(sql.ref("expires_at"), "is not", null)
    .execute();
}

/** @public (Kysely's Migrator calls it to migrate down) */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("snapshots").execute();
}
