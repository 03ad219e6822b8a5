import { DEFAULT_MIGRATION_TABLE, Migrator, sql, type Kysely } from "kysely";
import { fail, ok, type Result } from "../result";
import { describeStore, type StoreConfig } from "./config";
import { connect } from "./connect";
import { KNOWN_MIGRATIONS, migrationProvider } from "./migrations";
import type { Database } from "./schema";
import type { HistoryStore } from "../history";
import { historyStoreOn } from "./history";
import type { TurnLedger } from "../lookup";
import { clientSlotsOn, type ClientSlotStore } from "./client-slots";
import { pacerTurnsOn } from "./pacer-turns";
import { rateBucketsOn, type RateBucketStore } from "./rate-buckets";
import { sessionCredentialsOn, type SealedCredentialStore } from "./session-credentials";
import { snapshotStoreOn, type SnapshotStore } from "./snapshots";

/**
 * The app's database, opened and migrated: one edge per kind of data (each module's tables), sharing one connection
 * pool. `kind` tells whether several processes can share it (PostgreSQL) or only this one (the embedded database).
 */
export interface Store {
  kind: StoreConfig["kind"];
  snapshots: SnapshotStore;
  /** The portal's history of runs and audit log (lib/history). */
  history: HistoryStore;
  /** What replicas share (with PostgreSQL; the embedded store has the tables too, but one process needs no sharing). */
  shared: {
    /** The LookupEvents budgets' turns. */
    pacerTurns: TurnLedger;
    rateBuckets: RateBucketStore;
    clientSlots: ClientSlotStore;
    sessionCredentials: SealedCredentialStore;
  };
  close(): Promise<void>;
}

/** Why the store could not be opened: the database is out of reach, or it has migrations this code does not know. */
export type StoreErrorCode = "store.unreachable" | "store.schema-newer" | "store.migration-failed";

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The migrations the database ran, from the migrator's own table (none when it does not exist yet). */
async function executedMigrations(db: Kysely<Database>): Promise<string[]> {
  const table = await sql<{
    table: string | null;
  }>`select to_regclass(${DEFAULT_MIGRATION_TABLE})::text as table`.execute(db);
  if (!table.rows[0]?.table) return [];
  const rows = await sql<{ name: string }>`select name from ${sql.table(DEFAULT_MIGRATION_TABLE)}`.execute(db);
  return rows.rows.map((row) => row.name);
}

/** Runs the versioned migrations in lib/store/migrations with Kysely's Migrator, refusing a newer schema first. */
async function migrate(db: Kysely<Database>, where: string): Promise<Result<void, StoreErrorCode>> {
  const unknown = (await executedMigrations(db)).filter((name) => !KNOWN_MIGRATIONS.includes(name));
  if (unknown.length > 0)
    return fail(
      "store.schema-newer",
      `${where} is at a newer schema than this version of whydenied (it ran migration ${unknown.join(", ")}, which this ` +
        "code does not have). Run the whydenied version that migrated it, or point whydenied at another database.",
    );
  const { error, results } = await new Migrator({ db, provider: migrationProvider }).migrateToLatest();
  if (error === undefined) return ok(undefined);
  const failed = results?.find((result) => result.status === "Error")?.migrationName ?? "unknown";
  return fail("store.migration-failed", `Migrating ${where} failed at ${failed}: ${messageOf(error)}`);
}

/**
 * Opens the store: connects, runs the migrations, and hands back the store. Expected failures are values,
 * each with a message naming the database: unreachable (no server, wrong credentials, a folder it cannot write,
 * a folder another process holds), at a newer schema than the code, or a migration that failed.
 */
export async function openStore(config: StoreConfig): Promise<Result<Store, StoreErrorCode>> {
  const where = describeStore(config);
  let db: Kysely<Database>;
  try {
    db = await connect(config);
    await sql`select 1`.execute(db);
  } catch (error) {
    return fail("store.unreachable", `Cannot reach ${where}: ${messageOf(error)}`);
  }
  const migrated = await migrate(db, where).catch((error: unknown) =>
    fail("store.unreachable", `Cannot reach ${where}: ${messageOf(error)}`),
  );
  if (!migrated.ok) {
    await db.destroy().catch(() => undefined);
    return migrated;
  }
  return ok({
    kind: config.kind,
    snapshots: snapshotStoreOn(db),
    history: historyStoreOn(db),
    shared: {
      pacerTurns: pacerTurnsOn(db),
      rateBuckets: rateBucketsOn(db),
      clientSlots: clientSlotsOn(db),
      sessionCredentials: sessionCredentialsOn(db),
    },
    close: () => db.destroy(),
  });
}
