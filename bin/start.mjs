#!/usr/bin/env node
// `npm start`: build once if there is no production build yet, then serve on port 3000.
import { spawnSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const next = (args) => [process.execPath, [fileURLToPath(new URL("../node_modules/next/dist/bin/next", import.meta.url)), ...args]];

if (!existsSync(new URL("../.next/BUILD_ID", import.meta.url))) {
  console.log("No production build yet: running next build (about a minute)…");
  const [command, args] = next(["build"]);
  const build = spawnSync(command, args, { cwd: root, env, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const port = process.env.PORT ?? "3000";
const [command, args] = next(["start", "-p", port, ...(process.env.HOSTNAME ? ["-H", process.env.HOSTNAME] : [])]);
const server = spawn(command, args, { cwd: root, env, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
