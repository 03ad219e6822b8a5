import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const NEXT_BIN = `${ROOT}node_modules/next/dist/bin/next`;
const READY_TIMEOUT_MS = 30_000;

/** A production server of this checkout, started for the benchmark. */
export interface RunningServer {
  origin: string;
  pid: number;
  /** The V8 heap still live after each full collection so far, in MiB (from `--trace-gc`): what a leak would raise. */
  liveHeapMiB: number[];
  stop: () => Promise<void>;
}

/** `--trace-gc`'s line for a full collection: "Mark-Compact 140.2 (164.3) -> 40.2 (164.3) MB". */
const FULL_GC = /Mark-Compact [\d.]+ \([\d.]+\) -> ([\d.]+) \(/;

/** True when `next build` has left a production build to serve. */
export function hasProductionBuild(): boolean {
  return existsSync(`${ROOT}.next/BUILD_ID`);
}

/** A port nothing listens on now, chosen by the OS. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/**
 * `next start` on 127.0.0.1 and a free port, as `npm start` runs it (same command, telemetry off) but never building:
 * the benchmark measures the build that exists. The server traces its garbage collections, so the heap that survives
 * each full one can be read (`liveHeapMiB`). With `profileDir`, the server writes a V8 CPU profile there when it
 * stops. Resolves once `/healthz` answers.
 */
export async function startProductionServer(options: { profileDir: string | null }): Promise<RunningServer> {
  const port = await freePort();
  const profiling = options.profileDir === null ? [] : ["--cpu-prof", `--cpu-prof-dir=${options.profileDir}`];
  const child = spawn(
    process.execPath,
    ["--trace-gc", ...profiling, NEXT_BIN, "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", PORT: String(port) },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const origin = `http://127.0.0.1:${port}`;
  const liveHeapMiB: number[] = [];
  createInterface({ input: child.stdout }).on("line", (line) => {
    const live = FULL_GC.exec(line)?.[1];
    if (live) liveHeapMiB.push(Number(live));
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await waitUntilReady(origin, child);
  return {
    origin,
    pid: child.pid ?? 0,
    liveHeapMiB,
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
