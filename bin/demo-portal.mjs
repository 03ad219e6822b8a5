#!/usr/bin/env node
// `npm run demo:portal`: the portal with a local AWS and a simulated sign-in proxy (TypeScript, loaded by tsx).
import { register } from "tsx/esm/api";

register();
const { main } = await import("./demo-portal/main.ts");
process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
