import { loadavg } from "node:os";
import { diagnose } from "../lib/catalog";
import { newDeleteToken, newSnapshotId, systemRandom } from "../lib/snapshot";
import { openStore, type SnapshotRecord, type SnapshotStore } from "../lib/store";
import { embeddedTestStore, postgresTestStore, type TestStore } from "../lib/store/testing/stores";
import type { SnapshotContent } from "../lib/wire";
import { tableRow, type BenchSection } from "./report";

const SNAPSHOTS = 2_000;
const CONCURRENCY = 8;

const DENIAL =
  "An error occurred (AccessDeniedException) when calling the PutItem operation: User: " +
  "arn:aws:sts::123456789012:assumed-role/orders-api-role/orders-api is not authorized to perform: dynamodb:PutItem " +
  "on resource: arn:aws:dynamodb:eu-west-1:123456789012:table/Orders because no identity-based policy allows the " +
  "dynamodb:PutItem action";

interface Phase {
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
}

interface StoreResult {
  store: string;
  create: Phase;
  read: Phase;
}

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? 0;
}

/** Runs `count` operations, `CONCURRENCY` at a time, timing each; the phase's rate is over its wall-clock time. */
async function timed(count: number, operation: (index: number) => Promise<unknown>): Promise<Phase> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < count) {
      const index = next++;
      const begun = performance.now();
      await operation(index);
      latencies.push(performance.now() - begun);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { perSecond: count / seconds, p50Ms: percentile(latencies, 0.5), p99Ms: percentile(latencies, 0.99) };
}

async function measure(test: TestStore, content: SnapshotContent): Promise<StoreResult> {
  const opened = await openStore(test.config);
  if (!opened.ok) throw new Error(opened.error.message);
  const database = opened.value;
  const store: SnapshotStore = database.snapshots;
  const now = new Date();
  const ids = Array.from({ length: SNAPSHOTS }, () => newSnapshotId(systemRandom));
  const record = (id: string): SnapshotRecord => ({
    id,
    content,
    engineVersion: "bench",
    createdAt: now,
    expiresAt: null,
    createdBy: null,
    redacted: false,
    deleteTokenHash: newDeleteToken(systemRandom),
  });
  try {
    const create = await timed(SNAPSHOTS, (index) => store.insert(record(ids[index]!)));
    const read = await timed(SNAPSHOTS, async (index) => {
      if (!(await store.find(ids[(index * 7919) % SNAPSHOTS]!, now))) throw new Error("a saved snapshot was missing");
    });
    return { store: test.name === "embedded" ? "embedded (PGlite)" : "PostgreSQL 127.0.0.1", create, read };
  } finally {
    await database.close();
    test.dispose();
  }
}

const ms = (value: number) => value.toFixed(2);

export const shareThroughputSection: BenchSection = {
  id: "share",
  async run() {
    const diagnosis = await diagnose(DENIAL);
    if (!diagnosis.ok) throw new Error(diagnosis.error.message);
    const content: SnapshotContent = { kind: "paste", text: DENIAL, diagnosis: diagnosis.value };
    const bytes = JSON.stringify(content).length;
    const loadBefore = loadavg()[0]!.toFixed(2);
    const results: StoreResult[] = [];
    for (const makeStore of [() => Promise.resolve(embeddedTestStore()), postgresTestStore]) {
      const result = await measure(await makeStore(), content);
      console.log(
        `${result.store}: ${Math.round(result.create.perSecond)} creates/s (p99 ${ms(result.create.p99Ms)} ms), ` +
          `${Math.round(result.read.perSecond)} reads/s (p99 ${ms(result.read.p99Ms)} ms)`,
      );
      results.push(result);
    }
    const loadAfter = loadavg()[0]!.toFixed(2);
    return `## Saved snapshots: create and read against both stores

Measured on ${new Date().toISOString().slice(0, 10)} with \`npm run bench -- share\`; load average ${loadBefore} before
and ${loadAfter} after (2 cores, shared with other work).

${SNAPSHOTS.toLocaleString("en")} snapshots of one pasted denial and its full diagnosis (${bytes.toLocaleString("en")} bytes
of JSON each), written through the store's own code (\`lib/store\`: Kysely, one \`insert\` per snapshot, each
committed before it resolves) with ${CONCURRENCY} at a time, then read back ${CONCURRENCY} at a time in a scattered
order. The embedded store is PGlite in a temp folder (one connection: it runs one query at a time); PostgreSQL is a
server started by the benchmark on 127.0.0.1 (\`lib/store/testing/postgres.ts\`, fsync on) with a pool of 10.
Latencies are per operation, as the route handler waits for them.

| store | creates/s | create p50 ms | create p99 ms | reads/s | read p50 ms | read p99 ms |
| --- | ---: | ---: | ---: | ---: | ---: | ---: |
${results
  .map((result) =>
    tableRow([
      result.store,
      `**${Math.round(result.create.perSecond).toLocaleString("en")}**`,
      ms(result.create.p50Ms),
      ms(result.create.p99Ms),
      `**${Math.round(result.read.perSecond).toLocaleString("en")}**`,
      ms(result.read.p50Ms),
      ms(result.read.p99Ms),
    ]),
  )
  .join("\n")}`;
  },
};
