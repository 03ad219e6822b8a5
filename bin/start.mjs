#!/usr/bin/env node
// `npm start`: build when there is no production build or the sources changed since it, then serve on 127.0.0.1:3000.
import { spawnSync, spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

// A bad setting stops the start before any build, with the variable's name and what it accepts.
register();
const { parseEnv } = await import("../lib/env-schema.ts");
const checked = parseEnv(process.env);
if (!checked.ok) {
  console.error(
    `whydenied cannot start: fix these environment variables (see .env.example).\n${checked.error.message}`,
  );
  process.exit(1);
}

// The snapshot store opens (and migrates) before anything is built or served: an unreachable database, or one at a
// newer schema than this code, stops here with its message. The embedded store is created in its folder when new.
const { openStore, storeConfigOf } = await import("../lib/store/index.ts");
const store = await openStore(storeConfigOf(checked.value));
if (!store.ok) {
  console.error(`whydenied cannot start: ${store.error.message}`);
  process.exit(1);
}
await store.value.close();

const root = fileURLToPath(new URL("..", import.meta.url));
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const next = (args) => [process.execPath, [join(root, "node_modules/next/dist/bin/next"), ...args]];
const SOURCES = ["app", "components", "lib", "public", "next.config.ts", "package-lock.json", "postcss.config.mjs"];

/** Newest modification time under a path, in ms (0 when it does not exist). */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((latest, name) => Math.max(latest, newest(join(path, name))), stat.mtimeMs);
}

const buildId = join(root, ".next/BUILD_ID");
const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
if (SOURCES.some((source) => newest(join(root, source)) > builtAt)) {
  console.log(
    builtAt
      ? "Sources changed since the last build: rebuilding…"
      : "No production build yet: running next build (about a minute)…",
  );
  const [command, args] = next(["build"]);
  const build = spawnSync(command, args, { cwd: root, env, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const port = process.env.PORT ?? "3000";
// Loopback unless told otherwise: the server acts with its AWS credentials, so it is not offered to the network by default.
const host = process.env.HOST ?? "127.0.0.1";
const [command, args] = next(["start", "-p", port, "-H", host]);
const server = spawn(command, args, { cwd: root, env, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
