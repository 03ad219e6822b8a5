import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { freePort } from "../../lib/http/ports";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const NEXT_BIN = `${ROOT}node_modules/next/dist/bin/next`;
const READY_TIMEOUT_MS = 30_000;

/** A production server of this checkout, started for the benchmark. */
export interface RunningServer {
  origin: string;
  pid: number;
  /** The server's V8 inspector (loopback), for reading its live heap after a forced full collection. */
  inspectorUrl: string;
  stop: () => Promise<void>;
}

/** True when `next build` has left a production build to serve. */
export function hasProductionBuild(): boolean {
  return existsSync(`${ROOT}.next/BUILD_ID`);
}

/**
 * `next start` on 127.0.0.1 and a free port, as `npm start` runs it (same command, telemetry off) but never building:
 * the benchmark measures the build that exists. The server's inspector listens on loopback so the benchmark can read
 * its live heap (`inspectorUrl`). With `profileDir`, the server writes a V8 CPU profile there when it
 * stops. Resolves once `/healthz` answers.
 */
export async function startProductionServer(options: { profileDir: string | null }): Promise<RunningServer> {
  const port = await freePort();
  const profiling = options.profileDir === null ? [] : ["--cpu-prof", `--cpu-prof-dir=${options.profileDir}`];
  const child = spawn(
    process.execPath,
    ["--inspect=127.0.0.1:0", ...profiling, NEXT_BIN, "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", PORT: String(port) },
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  const origin = `http://127.0.0.1:${port}`;
  const inspectorUrl = new Promise<string>((resolve) => {
    createInterface({ input: child.stderr }).on("line", (line) => {
      const url = /ws:\/\/127\.0\.0\.1:\d+\/[\w-]+/.exec(line)?.[0];
      if (url) resolve(url);
      else if (!/^(For help, see|Debugger attached|Waiting for the debugger)/.test(line)) console.error(line);
    });
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await waitUntilReady(origin, child);
  return {
    origin,
    pid: child.pid ?? 0,
    inspectorUrl: await inspectorUrl,
    async stop() {
      child.kill("SIGTERM");
      await exited;
    },
  };
}

async function waitUntilReady(origin: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with status ${child.exitCode}`);
    try {
      if ((await fetch(`${origin}/healthz`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill("SIGTERM");
  throw new Error(`next start did not answer ${origin}/healthz within ${READY_TIMEOUT_MS / 1000} s`);
}
