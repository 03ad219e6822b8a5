import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "../../http/ports";

/** A throwaway PostgreSQL server on 127.0.0.1, in a temp folder, for tests and benchmarks. */
export interface TestPostgres {
  /** `postgres://whydenied@127.0.0.1:<port>/postgres`, trust authentication. */
  url: string;
  /** The temp folder holding its data, socket and log. */
  folder: string;
  /** Stops the server and deletes its folder. */
  stop(): void;
}

/** Where Debian puts the server's binaries when they are not on PATH: /usr/lib/postgresql/<version>/bin. */
function binDirectory(): string | null {
  if (spawnSync("initdb", ["--version"]).status === 0) return null;
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((version) => existsSync(join(root, version, "bin", "initdb")))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions[0] === undefined)
    throw new Error("PostgreSQL's initdb was not found on PATH or in /usr/lib/postgresql: apt-get install postgresql");
  return join(root, versions[0], "bin");
}

/** PostgreSQL refuses to run as root: as root, its commands run as the `postgres` user. */
function run(binDir: string | null, command: string, args: string[]): void {
  const program = binDir ? join(binDir, command) : command;
  const asRoot = process.getuid?.() === 0;
  const [file, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", program, ...args]] : [program, args];
  execFileSync(file, argv, { stdio: ["ignore", "ignore", "pipe"] });
}

function postgresIds(): { uid: number; gid: number } {
  const [uid, gid] = ["-u", "-g"].map((flag) => Number(execFileSync("id", [flag, "postgres"]).toString().trim()));
  return { uid: uid!, gid: gid! };
}

/** Stops the server whose folder `startPostgresOn` made, and deletes the folder. */
function stopPostgres(folder: string): void {
  run(binDirectory(), "pg_ctl", ["-D", join(folder, "data"), "-m", "fast", "-w", "stop"]);
  rmSync(folder, { recursive: true, force: true });
}

/** Initialises a cluster in a temp folder and starts it on `port` (synchronously); call `stop()` when done. */
export function startPostgresOn(port: number): TestPostgres {
  const binDir = binDirectory();
  const folder = mkdtempSync(join(tmpdir(), "whydenied-pg-"));
  if (process.getuid?.() === 0) {
    const { uid, gid } = postgresIds();
    chownSync(folder, uid, gid);
  }
  const data = join(folder, "data");
  run(binDir, "initdb", ["-D", data, "-U", "whydenied", "--auth=trust", "-E", "UTF8", "--no-sync"]);
  const options = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=on`;
  run(binDir, "pg_ctl", ["-D", data, "-o", options, "-l", join(folder, "server.log"), "-w", "start"]);
  return { url: `postgres://whydenied@127.0.0.1:${port}/postgres`, folder, stop: () => stopPostgres(folder) };
}

/** Initialises a cluster in a temp folder and starts it on a free loopback port; call `stop()` when done. */
export async function startPostgres(): Promise<TestPostgres> {
  return startPostgresOn(await freePort());
}
