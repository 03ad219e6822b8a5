import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diagnose } from "../catalog";
import {
  auditJsonLines,
  runEntryOf,
  searchHistory,
  type AuditEntry,
  type HistoryStore,
  type RunEntry,
  type VisibleAccount,
} from "../history";
import { auditLineSchema, historyQuerySchema, type HistoryQueryInput } from "../wire";
import { openStore, type Store, type StoreConfig } from ".";
import { embeddedTestStore, postgresTestStore, rawHistoryRows, type TestStore } from "./testing/stores";

const NOW = new Date("2026-12-01T12:00:00.000Z");
const MINUTE = 60_000;
const SANDBOX = { id: "111111111111", name: "sandbox" };
const PRODUCTION = { id: "222222222222", name: "production" };
const BILLING = { id: "333333333333", name: "billing" };
const VISIBLE: VisibleAccount[] = [SANDBOX, PRODUCTION].map(({ id, name }) => ({ accountId: id, name }));
const ORDERS_ROLE = "arn:aws:iam::111111111111:role/service/orders-api-role";

function run(id: string, minutesAgo: number, change: Partial<RunEntry> = {}): RunEntry {
  return {
    id,
    at: new Date(NOW.getTime() - minutesAgo * MINUTE),
    user: "alice@example.com",
    kind: "diagnose",
    account: SANDBOX,
    roles: [ORDERS_ROLE],
    actions: ["dynamodb:PutItem"],
    layers: ["execution-role"],
    findingCount: 1,
    snapshotId: null,
    ...change,
  };
}

function audit(id: string, at: Date, change: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id,
    at,
    user: "alice@example.com",
    accountId: SANDBOX.id,
    roleArn: "arn:aws:iam::111111111111:role/whydenied-reader",
    sessionName: "alice@example.com",
    purpose: "lookup",
    outcome: "ok",
    ...change,
  };
}

async function opened(config: StoreConfig): Promise<Store> {
  const result = await openStore(config);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

async function ids(history: HistoryStore, query: HistoryQueryInput, visible = VISIBLE): Promise<string[]> {
  const page = await searchHistory(history, historyQuerySchema.parse(query), visible, NOW);
  if (!page.ok) throw new Error(page.error.message);
  return page.value.runs.map((entry) => entry.id);
}

async function textOf(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe.each([
  ["embedded (PGlite)", () => Promise.resolve(embeddedTestStore())],
  ["PostgreSQL", postgresTestStore],
])("the history store on %s", (_, makeStore) => {
  let test: TestStore;
  let database: Store;
  let history: HistoryStore;

  beforeAll(async () => {
    test = await makeStore();
    database = await opened(test.config);
    history = database.history;
    const runs = [
      run("r1", 50),
      run("r2", 40, {
        user: "Bob@Example.com",
        account: PRODUCTION,
        roles: ["arn:aws:iam::222222222222:role/deployer"],
        layers: ["scp"],
        actions: ["s3:GetObject"],
      }),
      run("r3", 30, { account: null, roles: ["arn:aws:iam::999999999999:user/ci"], actions: ["kms:Decrypt"] }),
      run("r4", 20, { account: BILLING }),
      run("r5", 10, { kind: "lookup", layers: ["execution-role", "kms-key-policy"], actions: ["100%_sure:Do"] }),
    ];
    for (const entry of runs) await history.insertRun(entry);
  }, 60_000);

  afterAll(async () => {
    await database?.close();
    test?.dispose();
  });

  it("lists the runs of the visible accounts and of none, newest first, as recorded", async () => {
    expect(await ids(history, {})).toEqual(["r5", "r3", "r2", "r1"]);
    const page = await searchHistory(history, historyQuerySchema.parse({ limit: 1 }), VISIBLE, NOW);
    expect(page.ok && page.value.runs[0]).toEqual({
      ...run("r5", 10),
      kind: "lookup",
      at: "2026-12-01T11:50:00.000Z",
      layers: ["execution-role", "kms-key-policy"],
      actions: ["100%_sure:Do"],
    });
  });

  it("filters by role (ARN, name or session ARN), action (or service), layer, person and account", async () => {
    expect(await ids(history, { role: "orders-api-role" })).toEqual(["r5", "r1"]);
    expect(await ids(history, { role: ORDERS_ROLE.toUpperCase() })).toEqual(["r5", "r1"]);
    expect(await ids(history, { role: "arn:aws:sts::222222222222:assumed-role/deployer/session-1" })).toEqual(["r2"]);
    expect(await ids(history, { role: "ci" })).toEqual(["r3"]);
    expect(await ids(history, { action: "S3:getobject" })).toEqual(["r2"]);
    expect(await ids(history, { action: "dynamodb" })).toEqual(["r1"]);
    expect(await ids(history, { layer: "kms-key-policy" })).toEqual(["r5"]);
    expect(await ids(history, { layer: "execution-role", action: "kms:Decrypt" })).toEqual(["r3"]);
    expect(await ids(history, { user: "bob@example.COM" })).toEqual(["r2"]);
    expect(await ids(history, { account: "Production" })).toEqual(["r2"]);
    expect(await ids(history, { account: SANDBOX.id })).toEqual(["r5", "r1"]);
    // An account the user may not see matches nothing, by name or id.
    expect(await ids(history, { account: "billing" })).toEqual([]);
    expect(await ids(history, { account: BILLING.id })).toEqual([]);
  });

  it("finds free text in the user, account, roles, actions and layers, with % and _ taken literally", async () => {
    expect(await ids(history, { q: "BOB" })).toEqual(["r2"]);
    expect(await ids(history, { q: "service control" })).toEqual([]);
    expect(await ids(history, { q: "scp" })).toEqual(["r2"]);
    expect(await ids(history, { q: "100%_" })).toEqual(["r5"]);
    expect(await ids(history, { q: "0%s" })).toEqual([]);
    expect(await ids(history, { q: "production" })).toEqual(["r2"]);
  });

  it("pages by cursor through runs of the same instant, each once", async () => {
    for (let index = 0; index < 7; index++)
      await history.insertRun(run(`tie-${index}`, 60, { user: "tie@example.com" }));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await searchHistory(
        history,
        historyQuerySchema.parse({ user: "tie@example.com", limit: 3, cursor: cursor ?? undefined }),
        VISIBLE,
        NOW,
      );
      if (!page.ok) throw new Error(page.error.message);
      seen.push(...page.value.runs.map((entry) => entry.id));
      cursor = page.value.nextCursor;
    } while (cursor);
    expect(seen).toEqual(["tie-6", "tie-5", "tie-4", "tie-3", "tie-2", "tie-1", "tie-0"]);
    const forged = await searchHistory(history, historyQuerySchema.parse({ cursor: "bm90LWEtY3Vyc29y" }), VISIBLE, NOW);
    expect(forged.ok ? null : forged.error.code).toBe("request.invalid");
  });

  it("links a shared snapshot only while it is there", async () => {
    const snapshot = {
      content: { kind: "paste" as const, text: "x", diagnosis: { findings: [], nonDenials: [], truncated: false } },
      engineVersion: "0.1.0",
      createdAt: NOW,
      createdBy: "alice@example.com",
      redacted: false,
      deleteTokenHash: "hash",
    };
    await database.snapshots.insert({ ...snapshot, id: "live-snap", expiresAt: null });
    await database.snapshots.insert({ ...snapshot, id: "old-snap", expiresAt: new Date(NOW.getTime() - MINUTE) });
    await history.insertRun(run("shared", 5, { kind: "snapshot", snapshotId: "live-snap", user: "s@example.com" }));
    await history.insertRun(run("expired", 6, { kind: "snapshot", snapshotId: "old-snap", user: "s@example.com" }));
    const page = await searchHistory(history, historyQuerySchema.parse({ user: "s@example.com" }), VISIBLE, NOW);
    expect(page.ok && page.value.runs.map((entry) => [entry.id, entry.snapshotId])).toEqual([
      ["shared", "live-snap"],
      ["expired", null],
    ]);
  });

  it("exports the audit log in a range as JSON Lines, oldest first, a page at a time", async () => {
    const start = new Date("2026-11-01T00:00:00.000Z");
    const entries = Array.from({ length: 45 }, (_, index) =>
      audit(`a${String(index).padStart(2, "0")}`, new Date(start.getTime() + Math.floor(index / 2) * MINUTE), {
        outcome: index % 5 === 0 ? "refused" : "ok",
      }),
    );
    for (const entry of [...entries].reverse()) await history.insertAudit(entry);
    const all = (await textOf(auditJsonLines(history, { from: null, to: null }, 10))).split("\n");
    expect(all.pop()).toBe("");
    expect(all.map((line) => auditLineSchema.parse(JSON.parse(line)).id)).toEqual(entries.map((entry) => entry.id));
    expect(JSON.parse(all[0] ?? "")).toEqual({ ...entries[0], at: "2026-11-01T00:00:00.000Z" });

    const from = new Date(start.getTime() + 5 * MINUTE);
    const to = new Date(start.getTime() + 7 * MINUTE);
    const ranged = (await textOf(auditJsonLines(history, { from, to }, 3))).trim().split("\n");
    expect(ranged.map((line) => auditLineSchema.parse(JSON.parse(line)).id)).toEqual(["a10", "a11", "a12", "a13"]);
    expect(await textOf(auditJsonLines(history, { from: to, to: from }))).toBe("");
  });

  it("keeps none of the pasted text in any row: only the roles, actions and layers", async () => {
    const marker = "secret-marker-7f3a";
    const pasted =
      `An error occurred (AccessDenied) when calling the PutItem operation (request ${marker}): User: ` +
      "arn:aws:sts::111111111111:assumed-role/orders-api-role/orders-api is not authorized to perform: " +
      `dynamodb:PutItem on resource: arn:aws:dynamodb:eu-west-1:111111111111:table/${marker}-orders ` +
      "because no identity-based policy allows the dynamodb:PutItem action";
    const diagnosis = await diagnose(pasted);
    if (!diagnosis.ok) throw new Error(diagnosis.error.message);
    const context = { at: NOW, user: "carol@example.com", account: SANDBOX };
    await history.insertRun(runEntryOf(diagnosis.value, { ...context, id: "pasted", kind: "diagnose" }));
    await history.insertRun(
      runEntryOf(
        {
          groups: [
            { layer: "execution-role", action: "dynamodb:PutItem", finding: diagnosis.value.findings[0] ?? null },
          ],
        },
        { ...context, id: "looked-up", kind: "lookup", roleArn: "arn:aws:iam::111111111111:role/orders-api-role" },
      ),
    );
    await database.close();
    const rows = await rawHistoryRows(test.config);
    database = await opened(test.config);
    history = database.history;
    const pastedRow = rows.find((row) => row.includes('"pasted"')) ?? "";
    expect(pastedRow).toContain("arn:aws:iam::111111111111:role/orders-api-role");
    expect(pastedRow).toContain("dynamodb:PutItem");
    expect(rows.filter((row) => row.includes(marker))).toEqual([]);
    expect(rows.filter((row) => row.includes("is not authorized"))).toEqual([]);
  });
});
