import { resolve } from "node:path";

/** Where snapshots are kept: the embedded PGlite database in a folder, or a PostgreSQL server. */
export type StoreConfig = { kind: "embedded"; dataDir: string } | { kind: "postgres"; url: string };

/** The store the environment asks for: `DATABASE_URL` when set, else the data folder (relative to `cwd`). */
export function storeConfigOf(
  env: { DATABASE_URL?: string; WHYDENIED_DATA_DIR: string },
  cwd: string = process.cwd(),
): StoreConfig {
  return env.DATABASE_URL
    ? { kind: "postgres", url: env.DATABASE_URL }
    : { kind: "embedded", dataDir: resolve(cwd, env.WHYDENIED_DATA_DIR) };
}

/** The store in words for messages: the folder, or the server's host, port and database — never its password. */
export function describeStore(config: StoreConfig): string {
  if (config.kind === "embedded") return `the embedded database in ${config.dataDir}`;
  try {
    const url = new URL(config.url);
    return `the PostgreSQL server at ${url.hostname}:${url.port || "5432"}${url.pathname || ""} (DATABASE_URL)`;
  } catch {
    return "the PostgreSQL server in DATABASE_URL";
  }
}
