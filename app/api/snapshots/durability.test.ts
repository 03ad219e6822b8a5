import { spawn, type ChildProcess, type ChildProcessByStdio } from "node:child_process";
import type { Readable } from "node:stream";
import { createInterface } from "node:readline";
import { afterAll, describe, expect, it } from "vitest";
import { embeddedTestStore, postgresTestStore, type TestStore } from "@/lib/store/testing/stores";
import { createdSnapshotSchema, snapshotSchema, type CreateSnapshotBody, type SnapshotGroup } from "@/lib/wire";

/** Acknowledged shares before the kill; requests keep going while it lands. */
const ACKNOWLEDGED_BEFORE_KILL = 25;
const CONCURRENT_WRITERS = 4;

const GROUP = {
  key: "execution-role|dynamodb:PutItem|arn:aws:dynamodb:eu-west-1:123456789012:table/Orders",
  layer: "execution-role",
  action: "dynamodb:PutItem",
  resource: "arn:aws:dynamodb:eu-west-1:123456789012:table/Orders",
  finding: null,
  sample: '{"eventName":"PutItem","errorCode":"AccessDenied"}',
  count: 1,
  firstSeen: "2026-11-30T10:00:00Z",
  lastSeen: "2026-11-30T10:00:00Z",
  regions: ["eu-west-1"],
} satisfies SnapshotGroup;

interface Server {
  child: ChildProcess;
  url: string;
}

function envFor(store: TestStore): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  return store.config.kind === "postgres"
    ? { ...env, DATABASE_URL: store.config.url }
    : { ...env, WHYDENIED_DATA_DIR: store.config.dataDir };
}

/** Starts the snapshot routes in a process of their own and resolves once it listens. */
function startServer(store: TestStore): Promise<Server> {
  const child: ChildProcessByStdio<null, Readable, null> = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "app/api/snapshots/testing/serve.ts"],
    { env: envFor(store), stdio: ["ignore", "pipe", "inherit"] },
  );
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the server exited with ${code} before listening`)));
    createInterface({ input: child.stdout }).once("line", (line) => {
      const { url } = JSON.parse(line) as { url: string };
      resolve({ child, url });
    });
  });
}

function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });
}

/** Shares as fast as the server takes them, from several writers, until told to stop; collects the acknowledged ids. */
async function writeUntilKilled(server: Server): Promise<string[]> {
  const acknowledged: string[] = [];
  let killing: Promise<void> | null = null;
  let sent = 0;
  const writer = async () => {
    while (killing === null) {
      const body: CreateSnapshotBody = { kind: "lookup", groups: [GROUP], events: [], expiry: "never" };
      const response = await fetch(`${server.url}/api/snapshots`, {
        method: "POST",
        // An address per request: the kill test measures durability, not the rate limit.
        headers: { "content-type": "application/json", "x-forwarded-for": `10.1.${sent >> 8}.${sent++ & 255}` },
        body: JSON.stringify(body),
      }).catch(() => null);
      if (response?.status !== 201) continue;
      const created = createdSnapshotSchema.safeParse(await response.json().catch(() => null));
      if (!created.success) continue;
      acknowledged.push(created.data.id);
      if (acknowledged.length >= ACKNOWLEDGED_BEFORE_KILL) killing ??= killed(server.child);
    }
    await killing;
  };
  await Promise.all(Array.from({ length: CONCURRENT_WRITERS }, writer));
  return acknowledged;
}

describe.each([
  ["embedded (PGlite)", () => Promise.resolve(embeddedTestStore())],
  ["PostgreSQL", postgresTestStore],
])("shares survive a SIGKILL mid-write on %s", (_, makeStore) => {
  let store: TestStore | undefined;
  let server: Server | undefined;

  afterAll(async () => {
    if (server) await killed(server.child);
    store?.dispose();
  });

  it("reads back every share whose creation was acknowledged", { timeout: 180_000 }, async () => {
    store = await makeStore();
    server = await startServer(store);
    const acknowledged = await writeUntilKilled(server);
    expect(server.child.signalCode).toBe("SIGKILL");
    expect(acknowledged.length).toBeGreaterThanOrEqual(ACKNOWLEDGED_BEFORE_KILL);

    server = await startServer(store);
    const url = server.url;
    const answers = await Promise.all(acknowledged.map((id) => fetch(`${url}/api/snapshots/${id}`)));
    expect(answers.map((response) => response.status)).toEqual(acknowledged.map(() => 200));
    const read = await Promise.all(answers.map(async (response) => snapshotSchema.parse(await response.json()).id));
    expect(read).toEqual(acknowledged);
  });
});
