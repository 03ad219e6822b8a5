import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { StoreConfig } from "../config";
import { startPostgres } from "./postgres";

/** One of the two stores a test runs against, and how to throw it away afterwards. */
export interface TestStore {
  name: "embedded" | "postgres";
  config: StoreConfig;
  dispose(): void;
}

/** An embedded store in a fresh temp folder. */
export function embeddedTestStore(): TestStore {
  const dataDir = mkdtempSync(join(tmpdir(), "whydenied-pglite-"));
  return {
    name: "embedded",
    config: { kind: "embedded", dataDir },
    dispose: () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

/** A store on a PostgreSQL server started for the test on 127.0.0.1. */
export async function postgresTestStore(): Promise<TestStore> {
  const server = await startPostgres();
  return { name: "postgres", config: { kind: "postgres", url: server.url }, dispose: () => server.stop() };
}

/** Runs a query on the database with a connection of its own (see `rawSnapshotRow`), giving back the rows. */
async function rawQuery<Row extends Record<string, unknown>>(
  config: StoreConfig,
  query: string,
  params: unknown[],
): Promise<Row[]> {
  if (config.kind === "postgres") {
    const client = new pg.Client({ connectionString: config.url });
    await client.connect();
    try {
      return (await client.query<Row>(query, params)).rows;
    } finally {
      await client.end();
    }
  }
  const database = await PGlite.create(config.dataDir);
  try {
    return (await database.query<Row>(query, params)).rows;
  } finally {
    await database.close();
  }
}

/** Every row of the history's tables (`runs`, `audit`) as JSON text, read outside the store's code; close the store first. */
export async function rawHistoryRows(config: StoreConfig): Promise<string[]> {
  const rows = await rawQuery<{ row: string }>(
    config,
    "select row_to_json(r)::text as row from runs r union all select row_to_json(a)::text from audit a",
    [],
  );
  return rows.map((row) => row.row);
}

/**
 * A snapshot's whole row as JSON text, read with a connection of its own, not through the store's code, so a test
 * sees what the database holds. The embedded database allows one process at a time: close the store first.
 */
export async function rawSnapshotRow(config: StoreConfig, id: string): Promise<string | null> {
  const rows = await rawQuery<{ row: string }>(
    config,
    "select row_to_json(s)::text as row from snapshots s where id = $1",
    [id],
  );
  return rows[0]?.row ?? null;
}
