import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, PostgresDialect } from "kysely";
import { PGliteDialect } from "kysely-pglite-dialect";
import pg from "pg";
import type { StoreConfig } from "./config";
import type { Database } from "./schema";

/** A server that does not answer within this long counts as unreachable at start-up. */
const CONNECT_TIMEOUT_MS = 5_000;

/** Connections the app keeps to a PostgreSQL server. */
const POOL_SIZE = 10;

/** A Kysely instance on the configured database; the embedded one is created in its folder on first use. */
export async function connect(config: StoreConfig): Promise<Kysely<Database>> {
  if (config.kind === "postgres") {
    const pool = new pg.Pool({
      connectionString: config.url,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      max: POOL_SIZE,
    });
    // An idle connection the server drops must not crash the process; the next query gets a fresh one.
    pool.on("error", () => undefined);
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  mkdirSync(config.dataDir, { recursive: true });
  const database = await PGlite.create(config.dataDir);
  return new Kysely<Database>({ dialect: new PGliteDialect(database) });
}
