import { writeFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diagnose } from "../catalog";
import type { SnapshotContent } from "../wire";
import { openStore, type SnapshotRecord, type SnapshotStore, type Store, type StoreConfig } from ".";
import { embeddedTestStore, postgresTestStore, type TestStore } from "./testing/stores";

const NOW = new Date("2026-12-01T12:00:00.000Z");
const HOUR = 3_600_000;

const CONTENT: SnapshotContent = {
  kind: "paste",
  text: "User: arn:aws:iam::123456789012:user/alice is not authorized to perform: s3:ListBucket",
  diagnosis: { findings: [], nonDenials: [], truncated: false },
};

const ORDERED_DENIAL =
  "User: arn:aws:iam::123456789012:user/alice is not authorized to perform: s3:ListBucket on resource: " +
  "arn:aws:s3:::logs because no identity-based policy allows the s3:ListBucket action";

function record(id: string, change: Partial<SnapshotRecord> = {}): SnapshotRecord {
  return {
    id,
    content: CONTENT,
    engineVersion: "0.1.0",
    createdAt: NOW,
    expiresAt: new Date(NOW.getTime() + 24 * HOUR),
    createdBy: null,
    redacted: false,
    deleteTokenHash: "hash-of-the-token",
    ...change,
  };
}

async function opened(config: StoreConfig): Promise<Store> {
  const result = await openStore(config);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** Runs raw SQL on the database, outside the store's code. */
async function rawSql(config: StoreConfig, query: string): Promise<void> {
  if (config.kind === "postgres") {
    const client = new pg.Client({ connectionString: config.url });
    await client.connect();
    await client.query(query).finally(() => client.end());
    return;
  }
  const database = await PGlite.create(config.dataDir);
  await database.exec(query).finally(() => database.close());
}

describe.each([
  ["embedded (PGlite)", () => Promise.resolve(embeddedTestStore())],
  ["PostgreSQL", postgresTestStore],
])("the snapshot store on %s", (_, makeStore) => {
  let test: TestStore;
  let database: Store;
  let store: SnapshotStore;

  beforeAll(async () => {
    test = await makeStore();
    database = await opened(test.config);
    store = database.snapshots;
  }, 60_000);

  afterAll(async () => {
    await database?.close();
    test?.dispose();
  });

  it("gives back a snapshot exactly as saved", async () => {
    const diagnosis = await diagnose(ORDERED_DENIAL);
    if (!diagnosis.ok) throw new Error(diagnosis.error.message);
    const content: SnapshotContent = { kind: "paste", text: ORDERED_DENIAL, diagnosis: diagnosis.value };
    const saved = record("round-trip", { content, expiresAt: null, redacted: true });
    await store.insert(saved);
    const found = await store.find("round-trip", NOW);
    expect(found).toEqual(saved);
    // Key order too: a policy statement ("Sid", "Effect", "Action", …) reads back as written, not re-sorted as jsonb would.
    expect(JSON.stringify(found?.content)).toBe(JSON.stringify(saved.content));
    expect(await store.find("no-such-id", NOW)).toBeNull();
  });

  it("hides a snapshot from its expiry instant on, and the purge deletes only expired ones", async () => {
    await store.insert(record("expires-soon", { expiresAt: new Date(NOW.getTime() + HOUR) }));
    await store.insert(record("expires-later", { expiresAt: new Date(NOW.getTime() + 2 * HOUR) }));
    await store.insert(record("kept-forever", { expiresAt: null }));
    const inAnHour = new Date(NOW.getTime() + HOUR);
    expect(await store.find("expires-soon", new Date(inAnHour.getTime() - 1))).not.toBeNull();
    expect(await store.find("expires-soon", inAnHour)).toBeNull();
    expect(await store.purgeExpired(inAnHour)).toBe(1);
    expect(await store.purgeExpired(inAnHour)).toBe(0);
    expect(await store.find("expires-later", inAnHour)).not.toBeNull();
    expect(await store.find("kept-forever", new Date(NOW.getTime() + 1000 * 24 * HOUR))).not.toBeNull();
  });

  it("deletes only with the owner's token hash", async () => {
    await store.insert(record("owned"));
    expect(await store.remove("owned", "someone-else", NOW)).toBe("bad-token");
    expect(await store.find("owned", NOW)).not.toBeNull();
    expect(await store.remove("owned", "hash-of-the-token", NOW)).toBe("deleted");
    expect(await store.find("owned", NOW)).toBeNull();
    expect(await store.remove("owned", "hash-of-the-token", NOW)).toBe("not-found");
  });

  it("keeps snapshots across a restart, and migrates an up-to-date database without change", async () => {
    await store.insert(record("survives"));
    await database.close();
    database = await opened(test.config);
    store = database.snapshots;
    expect((await store.find("survives", NOW))?.id).toBe("survives");
  });

  it("refuses to start on a database at a newer schema, naming the migration", async () => {
    await database.close();
    await rawSql(
      test.config,
      "insert into kysely_migration (name, timestamp) values ('9999-from-the-future', '2030-01-01T00:00:00Z')",
    );
    const refused = await openStore(test.config);
    expect(refused.ok ? null : refused.error.code).toBe("store.schema-newer");
    expect(refused.ok ? "" : refused.error.message).toMatch(/newer schema .*9999-from-the-future/);
    await rawSql(test.config, "delete from kysely_migration where name = '9999-from-the-future'");
    database = await opened(test.config);
    store = database.snapshots;
  });
});

describe("opening a store that cannot be reached", () => {
  it("says which PostgreSQL server, without its password", async () => {
    const refused = await openStore({ kind: "postgres", url: "postgres://app:s3cret@127.0.0.1:1/whydenied" });
    expect(refused.ok ? null : refused.error.code).toBe("store.unreachable");
    expect(refused.ok ? "" : refused.error.message).toContain(
      "Cannot reach the PostgreSQL server at 127.0.0.1:1/whydenied",
    );
    expect(refused.ok ? "" : refused.error.message).not.toContain("s3cret");
  });

  it("says which data folder, when it is not a folder", async () => {
    const test = embeddedTestStore();
    const file = join(test.config.kind === "embedded" ? test.config.dataDir : "", "not-a-folder");
    writeFileSync(file, "");
    const refused = await openStore({ kind: "embedded", dataDir: file });
    expect(refused.ok ? null : refused.error.code).toBe("store.unreachable");
    expect(refused.ok ? "" : refused.error.message).toContain(`Cannot reach the embedded database in ${file}`);
    test.dispose();
  });
});
