import type { Migration, MigrationProvider } from "kysely";
import * as createSnapshots from "./0001-create-snapshots";
import * as createHistory from "./0002-create-history";
import * as createSharedLimits from "./0003-create-shared-limits";

/**
 * Every migration, by name, in order: one file each, named `NNNN-what-it-does.ts`. Listed here rather than read from
 * the folder so the bundled server carries them. Never edit a released migration; add the next file.
 */
const MIGRATIONS: Record<string, Migration> = {
  "0001-create-snapshots": createSnapshots,
  "0002-create-history": createHistory,
  "0003-create-shared-limits": createSharedLimits,
};

/** Kysely's Migrator reads the migrations from here. */
export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(MIGRATIONS),
};

/** The migration names this code knows: a database that ran another one is at a newer schema. */
export const KNOWN_MIGRATIONS: readonly string[] = Object.keys(MIGRATIONS);
