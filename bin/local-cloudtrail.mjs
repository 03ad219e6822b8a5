#!/usr/bin/env node
// The local AWS endpoint is TypeScript sharing lib/ with the app; tsx loads it without a separate build step.
import { register } from "tsx/esm/api";

register();
const { main } = await import("./local-aws/main.ts");
process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
