import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { startLocalAws, type EndpointStats } from "../lib/local-aws";
import {
  LOAD_FUNCTION,
  LOAD_REGION,
  LOAD_ROLE_ARN,
  ceilingShare,
  replicaLoadRecords,
} from "../lib/local-aws/testing/replica-load";
import { openStore } from "../lib/store";
import { startPostgres } from "../lib/store/testing/postgres";
import { streamEventSchema, type LookupProgress } from "../lib/wire";
import { machine, tableRow, type BenchSection } from "./report";
import { freePort } from "../lib/http/ports";

const RATE = 2;
const TARGET = 0.95;
const REPLICAS = 2;
const ROOT = new URL("..", import.meta.url).pathname;

/** Each scenario reads `events` per lookup, `perReplica` lookups at once on each replica (whole pages only). */
const SCENARIOS = [
  { name: "2 replicas × 1 lookup", perReplica: 1, events: 3_000 },
  { name: "2 replicas × 2 lookups", perReplica: 2, events: 1_500 },
];

interface Run {
  scenario: string;
  stats: EndpointStats;
  seconds: number;
  lookups: LookupProgress[];
}

/** A `next start` of the production build on `port`; resolves once it answers. */
async function startReplica(port: number, env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [join(ROOT, "node_modules/next/dist/bin/next"), "start", "-H", "127.0.0.1", "-p", String(port)],
    {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the replica on port ${port} exited with ${child.exitCode}`);
    const up = await fetch(`http://127.0.0.1:${port}/`).then(
      (response) => response.ok,
      () => false,
    );
    if (up) return child;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill("SIGTERM");
  throw new Error(`the replica on port ${port} did not answer within 2 minutes`);
}

/** One lookup of the load function through a replica's API, read to its end. */
async function lookupThrough(port: number): Promise<LookupProgress> {
  const response = await fetch(`http://127.0.0.1:${port}/api/lookup`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      roleArn: LOAD_ROLE_ARN,
      functionName: LOAD_FUNCTION,
      regions: [LOAD_REGION],
      includeGlobalRegion: false,
      window: { hours: 24 },
    }),
  });
  if (!response.ok) throw new Error(`the lookup on port ${port} answered ${response.status}: ${await response.text()}`);
  const events = (await response.text())
    .split("\n")
    .filter(Boolean)
    .map((line) => streamEventSchema.parse(JSON.parse(line)));
  const done = events.find((event) => event.type === "done");
  if (done?.type !== "done") throw new Error(`the lookup on port ${port} did not finish`);
  return done.progress;
}

async function measure(scenario: (typeof SCENARIOS)[number], database: string): Promise<Run> {
  const endpoint = await startLocalAws({
    events: replicaLoadRecords(new Date(), scenario.events),
    ratePerSecond: RATE,
  });
  const ports = await Promise.all(Array.from({ length: REPLICAS }, freePort));
  const env = {
    NEXT_TELEMETRY_DISABLED: "1",
    WHYDENIED_CLOUDTRAIL_ENDPOINT: endpoint.url,
    AWS_ACCESS_KEY_ID: "AKIABENCHMARK0000000",
    AWS_SECRET_ACCESS_KEY: "bench-not-a-secret",
    AWS_REGION: LOAD_REGION,
    DATABASE_URL: database,
  };
  const replicas: ChildProcess[] = [];
  try {
    for (const port of ports) replicas.push(await startReplica(port, env));
    endpoint.reset();
    const started = performance.now();
    const lookups = await Promise.all(
      ports.flatMap((port) => Array.from({ length: scenario.perReplica }, () => lookupThrough(port))),
    );
    return { scenario: scenario.name, stats: endpoint.stats(), seconds: (performance.now() - started) / 1000, lookups };
  } finally {
    for (const replica of replicas) replica.kill("SIGTERM");
    await endpoint.close();
  }
}

function row(run: Run): string {
  const share = ceilingShare(run.stats.served, RATE);
  const busySeconds = ((run.stats.served.lastAt ?? 0) - (run.stats.served.firstAt ?? 0)) / 1000 + 1 / RATE;
  const retries = run.lookups.reduce((sum, lookup) => sum + lookup.retries, 0);
  return tableRow([
    run.scenario,
    run.stats.served.pages,
    run.stats.served.events.toLocaleString("en"),
    busySeconds.toFixed(1),
    (run.stats.served.events / busySeconds).toFixed(1),
    `**${share.toFixed(3)}**`,
    run.stats.throttled,
    retries,
    share >= TARGET && run.stats.throttled === 0 ? "met" : "not met",
  ]);
}

export const portalReplicasSection: BenchSection = {
  id: "portal",
  async run() {
    if (!existsSync(join(ROOT, ".next", "BUILD_ID")))
      throw new Error("The portal benchmark runs the production build: npm run build first.");
    const postgres = await startPostgres();
    try {
      // Migrated once here, so the replicas start on a ready schema.
      const store = await openStore({ kind: "postgres", url: postgres.url });
      if (!store.ok) throw new Error(store.error.message);
      await store.value.close();
      const runs: Run[] = [];
      for (const scenario of SCENARIOS) {
        console.log(`${scenario.name}: ${scenario.events} events per lookup in ${LOAD_REGION}…`);
        const run = await measure(scenario, postgres.url);
        console.log(row(run));
        runs.push(run);
      }
      return `## Replicas: one LookupEvents budget shared through PostgreSQL

Measured on ${new Date().toISOString().slice(0, 10)} with \`npm run bench -- portal\` on ${machine()}
(load average ${loadavg()[0]!.toFixed(1)} at the end; the machine was shared).

Two \`next start\` processes of the production build, one PostgreSQL server (\`DATABASE_URL\`) and one local CloudTrail
endpoint (\`lib/local-aws\`, enforcing ${RATE} LookupEvents requests per second per Region with real
\`ThrottlingException\` answers), every lookup through \`POST /api/lookup\` of the same account and Region at once, so all
of them draw on one budget through the shared pacer (\`lib/lookup/shared-pacer.ts\`, its ledger in
\`lib/store/pacer-turns.ts\`). Events/s and the share of the ceiling of ${RATE * 50} events/s (${RATE} requests × 50 events)
come from the endpoint's own counts over the busy interval: from its first answer to its last, plus one request's
share (1/${RATE} s). Target ≥ ${TARGET} with no throttling.

| scenario | pages | events | busy seconds | events/s | share of ceiling | throttled (server) | retries | target |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |
${runs.map(row).join("\n")}

Each window costs the pacer's 10 ms margin plus the time from a turn's booked start to its answer (the timer waking
on a busy machine, signing, the round trip, reading the page): a request two turns later starts only a full second
after that answer, whichever replica sent it. Booking the turn ahead keeps the database's transaction out of that time.`;
    } finally {
      postgres.stop();
    }
  },
};
