#!/usr/bin/env node
// The local CloudTrail endpoint is TypeScript in lib/; tsx loads it without a separate build step.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../lib/local-cloudtrail/cli.ts");
process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
