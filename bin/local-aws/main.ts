import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { Writable } from "node:stream";
import { parseArgs } from "node:util";
import { seedDemoEvents, seedPortalDemo } from "../../lib/demo";
import { startLocalAws, trailRecordSchema, type TrailRecord } from "../../lib/local-aws";
import { loadPortalConfig, type PortalConfig } from "../../lib/portal/config";

const USAGE = `Usage: node bin/local-cloudtrail.mjs [options]

Serves CloudTrail LookupEvents (JSON 1.1, as @aws-sdk/client-cloudtrail speaks it) on a local port,
with the seeded demo data set. Point a client at it with endpoint: <url> and any credentials.

  --port N           port to listen on (default 4599; 0 picks a free one)
  --host HOST        interface to listen on (default 127.0.0.1)
  --days N           days of demo events before now (default 7, at most 90)
  --seed N           demo data seed (default 1)
  --records FILE     also serve these records: JSON Lines of CloudTrail records or trail files
                     ({"Records": [...]}); repeatable. Only the last 90 days are searchable.
  --no-demo          serve only the --records (and --portal-config accounts), without the demo data
  --portal-config FILE
                     a portal configuration (WHYDENIED_CONFIG, e.g. portal.example.yaml): STS AssumeRole
                     grants each account's roleArn (checking its externalId), each account's sessions
                     see only that account's own demo week, and IAM Toolbox answers one authorization id
                     per account (whydenieddemo<accountId>)
  --rate N           LookupEvents requests per second per Region (default 2; Infinity for no limit)
  --control-token T  the token the test hooks require (default: $WHYDENIED_CONTROL_TOKEN, else a random
                     one, printed at start); at least 16 characters
  -h, --help         show this help

Test hooks, with the header x-whydenied-control-token: <token>:
POST/DELETE /__control/faults, GET /__control/stats, POST /__control/reset.
Stops cleanly on SIGINT or SIGTERM.`;

interface Io {
  stdout: Writable;
  stderr: Writable;
  /** Where `WHYDENIED_CONTROL_TOKEN` is read; default the process's environment. */
  env?: NodeJS.ProcessEnv;
  /** Makes the control token when none is given; default 24 random bytes. */
  newToken?: () => string;
}

const MIN_TOKEN_LENGTH = 16;

/** The test hooks' token: the option, else the variable, else a fresh random one. */
function controlTokenOf(option: string | undefined, io: Io): string {
  const given = option ?? ((io.env ?? process.env).WHYDENIED_CONTROL_TOKEN || undefined);
  if (given === undefined) return (io.newToken ?? (() => randomBytes(24).toString("base64url")))();
  if (given.length < MIN_TOKEN_LENGTH)
    throw new UsageError(`the control token needs at least ${MIN_TOKEN_LENGTH} characters`);
  return given;
}

class UsageError extends Error {}

function numberOption(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (text.trim() === "" || Number.isNaN(value)) throw new UsageError(`--${name} needs a number, got "${text}"`);
  return value;
}

/** Records from a JSON Lines file whose lines are records or whole trail files. */
async function readRecordsFile(path: string): Promise<TrailRecord[]> {
  const lines = (await readFile(path, "utf8")).split("\n");
  const records: TrailRecord[] = [];
  lines.forEach((line, index) => {
    if (!line.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new UsageError(`${path}:${index + 1}: not JSON`);
    }
    const trail = value as { Records?: unknown };
    const candidates = Array.isArray(trail.Records) ? (trail.Records as unknown[]) : [value];
    for (const candidate of candidates) {
      const parsed = trailRecordSchema.safeParse(candidate);
      if (!parsed.success)
        throw new UsageError(
          `${path}:${index + 1}: not a CloudTrail record (${parsed.error.issues[0]?.message ?? "invalid"})`,
        );
      records.push(parsed.data);
    }
  });
  return records;
}

/** The portal configuration file, checked as the app checks it; its problems are a usage error naming the field. */
async function readPortalConfig(path: string): Promise<PortalConfig> {
  const config = await loadPortalConfig(path, (file) => readFile(file, "utf8"));
  if (!config.ok) throw new UsageError(`${path}: ${config.error.message}`);
  return config.value;
}

/** 2 for a bad command line, 1 for a port or file that cannot be used, null for a bug. */
function exitStatusFor(error: unknown): number | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (error instanceof UsageError || error instanceof RangeError) return 2;
  if (typeof code === "string" && code.startsWith("ERR_PARSE_ARGS")) return 2;
  if (typeof code === "string" && ["EADDRINUSE", "EADDRNOTAVAIL", "EACCES", "ENOENT", "EISDIR"].includes(code))
    return 1;
  return null;
}

function waitForStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals): void => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve(signal);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}

/**
 * Runs the standalone endpoint until SIGINT/SIGTERM. Returns the exit status: 0; 1 when the port
 * or a file cannot be used; 2 on usage errors.
 */
export async function main(argv: string[], io: Io): Promise<number> {
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        port: { type: "string" },
        host: { type: "string" },
        days: { type: "string" },
        seed: { type: "string" },
        records: { type: "string", multiple: true },
        "no-demo": { type: "boolean" },
        "portal-config": { type: "string" },
        rate: { type: "string" },
        "control-token": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
    });
    if (values.help) {
      io.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const controlToken = controlTokenOf(values["control-token"], io);
    const extra = (await Promise.all((values.records ?? []).map(readRecordsFile))).flat();
    const now = new Date();
    const days = numberOption("days", values.days, 7);
    const demo = values["no-demo"] ? [] : seedDemoEvents({ now, days, seed: numberOption("seed", values.seed, 1) });
    const portalConfig = values["portal-config"] === undefined ? null : await readPortalConfig(values["portal-config"]);
    const portal = seedPortalDemo(portalConfig?.accounts ?? [], { now, days });
    const events = [...demo, ...portal.events, ...extra];
    const endpoint = await startLocalAws({
      events,
      roles: portal.roles,
      authorizations: portal.authorizations,
      ratePerSecond: numberOption("rate", values.rate, 2),
      host: values.host ?? "127.0.0.1",
      port: numberOption("port", values.port, 4599),
      controlToken,
    });
    const stopped = waitForStopSignal();
    io.stdout.write(`local CloudTrail listening on ${endpoint.url} (${events.length} events)\n`);
    for (const account of portalConfig?.accounts ?? [])
      io.stdout.write(`portal account ${account.name} (${account.accountId}): role ${account.roleArn}\n`);
    io.stdout.write(`control token: ${controlToken}\n`);
    const signal = await stopped;
    await endpoint.close();
    io.stdout.write(`local CloudTrail stopped (${signal})\n`);
    return 0;
  } catch (error) {
    const status = exitStatusFor(error);
    if (status === null || !(error instanceof Error)) throw error;
    io.stderr.write(`local-cloudtrail: ${error.message}\n${status === 2 ? "Try --help.\n" : ""}`);
    return status;
  }
}
