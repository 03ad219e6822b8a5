import fc from "fast-check";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diagnose } from "@/lib/catalog";
import { recordAssumeRole, recordRun, runEntryOf, type AuditEntry, type RunEntry } from "@/lib/history";
import { processStore } from "@/lib/store/process";
import { fuzzRuns } from "@/lib/testing/fuzz";
import { apiErrorSchema, auditLineSchema, historyPageSchema, type HistoryPage } from "@/lib/wire";
import { GET as exportAudit, POST as postAudit } from "../audit.jsonl/route";
import { signedIn } from "../testing/portal";
import { GET, POST } from "./route";

const folder = mkdtempSync(join(tmpdir(), "whydenied-history-routes-"));
const configPath = join(folder, "portal.json");
const savedEnv = { ...process.env };

const SANDBOX = { id: "111111111111", name: "sandbox" };
const PRODUCTION = { id: "222222222222", name: "production" };
const NOW = Date.parse("2026-12-01T12:00:00.000Z");
const MARKER = "pasted-marker-91c2";
const PASTED =
  "User: arn:aws:sts::111111111111:assumed-role/orders-api-role/orders-api is not authorized to perform: " +
  `dynamodb:PutItem on resource: arn:aws:dynamodb:eu-west-1:111111111111:table/${MARKER} ` +
  "because no identity-based policy allows the dynamodb:PutItem action";

type Person = { user: string; groups?: string[] } | null;
const ALICE: Person = { user: "alice@example.com" };
const SRE: Person = { user: "bob@example.com", groups: ["sre"] };
const ADMIN: Person = { user: "root@example.com", groups: ["platform", "sre"] };

/** The headers oauth2-proxy would add for a signed-in person; none for nobody. */
const headersOf = (person: Person): Record<string, string> => (person ? signedIn(person.user, person.groups) : {});

const history = (person: Person, query = "") =>
  GET(new Request(`http://127.0.0.1/api/history${query}`, { headers: headersOf(person) }));
const audit = (person: Person, query = "") =>
  exportAudit(new Request(`http://127.0.0.1/api/audit.jsonl${query}`, { headers: headersOf(person) }));

async function pageOf(response: Response): Promise<HistoryPage> {
  expect(response.status).toBe(200);
  return historyPageSchema.parse(await response.json());
}

async function errorOf(response: Response) {
  return [response.status, apiErrorSchema.parse(await response.json()).code];
}

function run(id: string, minutesAgo: number, change: Partial<RunEntry> = {}): RunEntry {
  return {
    id,
    at: new Date(NOW - minutesAgo * 60_000),
    user: "alice@example.com",
    kind: "lookup",
    account: SANDBOX,
    roles: ["arn:aws:iam::111111111111:role/app"],
    actions: ["s3:GetObject"],
    layers: ["execution-role"],
    findingCount: 1,
    snapshotId: null,
    ...change,
  };
}

function assumed(id: string, minutesAgo: number, change: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id,
    at: new Date(NOW - minutesAgo * 60_000),
    user: "alice@example.com",
    accountId: SANDBOX.id,
    roleArn: "arn:aws:iam::111111111111:role/whydenied-reader",
    sessionName: "alice@example.com",
    purpose: "lookup",
    outcome: "ok",
    ...change,
  };
}

beforeAll(async () => {
  writeFileSync(
    configPath,
    JSON.stringify({
      accounts: [
        {
          ...{ name: SANDBOX.name, accountId: SANDBOX.id },
          roleArn: "arn:aws:iam::111111111111:role/whydenied-reader",
        },
        {
          ...{ name: PRODUCTION.name, accountId: PRODUCTION.id },
          roleArn: "arn:aws:iam::222222222222:role/whydenied-reader",
          groups: ["sre"],
        },
      ].map((account) => ({ regions: ["us-east-1"], groups: ["*"], ...account })),
      admins: ["platform"],
    }),
  );
  process.env = {
    ...savedEnv,
    WHYDENIED_AUTH: "proxy",
    WHYDENIED_PROXY: "oauth2-proxy",
    WHYDENIED_CONFIG: configPath,
    WHYDENIED_DATA_DIR: join(folder, "data"),
  };
  const store = await processStore();
  if (!store.ok) throw new Error(store.error.message);
  const diagnosis = await diagnose(PASTED);
  if (!diagnosis.ok) throw new Error(diagnosis.error.message);
  const entries = [
    runEntryOf(diagnosis.value, {
      id: "pasted",
      at: new Date(NOW),
      user: "carol@example.com",
      kind: "diagnose",
      account: SANDBOX,
    }),
    run("prod-lookup", 5, { account: PRODUCTION, user: "bob@example.com", layers: ["scp"] }),
    run("no-account", 10, { account: null, kind: "diagnose" }),
    ...Array.from({ length: 6 }, (_, index) => run(`older-${index}`, 60 + index)),
  ];
  for (const entry of entries)
    expect(await recordRun(store.value.history, entry)).toEqual({ ok: true, value: undefined });
  for (const entry of [
    assumed("a1", 30),
    assumed("a2", 20, { outcome: "refused" }),
    assumed("a3", 10, { purpose: "authority" }),
  ])
    expect((await recordAssumeRole(store.value.history, entry)).ok).toBe(true);
}, 90_000);

afterAll(async () => {
  const store = await processStore();
  if (store.ok) await store.value.close();
  process.env = savedEnv;
  rmSync(folder, { recursive: true, force: true });
});

describe("GET /api/history", () => {
  it("answers 401 without the proxy's identity headers, and 405 to other methods", async () => {
    expect(await errorOf(await history(null))).toEqual([401, "auth.unauthenticated"]);
    expect(await errorOf(await audit(null))).toEqual([401, "auth.unauthenticated"]);
    expect(POST().status).toBe(405);
    expect(postAudit().status).toBe(405);
  });

  it("lists the runs of the accounts the user sees and of none, newest first, without the pasted text", async () => {
    const response = await history(ALICE);
    const text = await response.clone().text();
    const page = await pageOf(response);
    expect(page.runs.slice(0, 3).map((entry) => entry.id)).toEqual(["pasted", "no-account", "older-0"]);
    expect(page.runs.some((entry) => entry.account?.id === PRODUCTION.id)).toBe(false);
    expect(page.runs[0]).toMatchObject({
      user: "carol@example.com",
      kind: "diagnose",
      account: SANDBOX,
      roles: ["arn:aws:iam::111111111111:role/orders-api-role"],
      actions: ["dynamodb:PutItem"],
      layers: ["execution-role"],
    });
    expect(text).not.toContain(MARKER);
    expect(page.canExportAudit).toBe(false);
    const sre = await pageOf(await history(SRE));
    expect(sre.runs.map((entry) => entry.id).slice(0, 2)).toEqual(["pasted", "prod-lookup"]);
  });

  it("searches by role, action, layer, person and account, and pages by cursor", async () => {
    const ids = async (person: Person, query: string) =>
      (await pageOf(await history(person, query))).runs.map((entry) => entry.id);
    expect(await ids(ALICE, "?role=orders-api-role")).toEqual(["pasted"]);
    expect(await ids(ALICE, "?action=dynamodb&layer=execution-role")).toEqual(["pasted"]);
    expect(await ids(SRE, "?layer=scp")).toEqual(["prod-lookup"]);
    expect(await ids(SRE, "?user=BOB@example.com")).toEqual(["prod-lookup"]);
    expect(await ids(ALICE, "?account=production")).toEqual([]);
    expect(await ids(SRE, "?account=production")).toEqual(["prod-lookup"]);
    expect(await ids(ALICE, "?q=carol")).toEqual(["pasted"]);

    const first = await pageOf(await history(ALICE, "?limit=4"));
    expect(first.runs).toHaveLength(4);
    const second = await pageOf(await history(ALICE, `?limit=4&cursor=${first.nextCursor ?? ""}`));
    expect(second.runs.map((entry) => entry.id)).toEqual(["older-2", "older-3", "older-4", "older-5"]);
    expect(second.nextCursor).toBeNull();
  });

  it("refuses a query it cannot read", async () => {
    expect(await errorOf(await history(ALICE, "?layer=firewall"))).toEqual([400, "request.invalid"]);
    expect(await errorOf(await history(ALICE, "?limit=1000"))).toEqual([400, "request.invalid"]);
    expect(await errorOf(await history(ALICE, "?cursor=forged"))).toEqual([400, "request.invalid"]);
  });
});

describe("GET /api/history with any query", () => {
  it("answers a page or a typed 400, never a 500", async () => {
    const names = fc.constantFrom("role", "action", "layer", "user", "account", "q", "cursor", "limit", "from");
    const values = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom("%", "_", "\\", "'", "scp", "-1", "1e3"));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(names, values), { maxLength: 5 }), async (pairs) => {
        const response = await history(SRE, `?${new URLSearchParams(pairs).toString()}`);
        if (response.status === 200) historyPageSchema.parse(await response.json());
        else expect(await errorOf(response)).toEqual([400, "request.invalid"]);
      }),
      { numRuns: fuzzRuns(60) },
    );
  });
});

describe("GET /api/audit.jsonl", () => {
  it("is for members of an admin group only", async () => {
    expect(await errorOf(await audit(SRE))).toEqual([403, "audit.forbidden"]);
    expect((await pageOf(await history(ADMIN))).canExportAudit).toBe(true);
  });

  it("downloads the audit log as JSON Lines, oldest first, within from and to", async () => {
    const response = await audit(ADMIN);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/x-ndjson; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="whydenied-audit.jsonl"');
    const lines = (await response.text())
      .trim()
      .split("\n")
      .map((line) => auditLineSchema.parse(JSON.parse(line)));
    expect(lines.map((line) => [line.id, line.user, line.outcome, line.purpose])).toEqual([
      ["a1", "alice@example.com", "ok", "lookup"],
      ["a2", "alice@example.com", "refused", "lookup"],
      ["a3", "alice@example.com", "ok", "authority"],
    ]);
    const from = new Date(NOW - 25 * 60_000).toISOString();
    const to = new Date(NOW - 10 * 60_000).toISOString();
    const ranged = await (await audit(ADMIN, `?from=${from}&to=${to}`)).text();
    expect(
      ranged
        .trim()
        .split("\n")
        .map((line) => auditLineSchema.parse(JSON.parse(line)).id),
    ).toEqual(["a2"]);
    expect(await errorOf(await audit(ADMIN, "?from=yesterday"))).toEqual([400, "request.invalid"]);
    expect(await errorOf(await audit(ADMIN, `?from=${to}&to=${from}`))).toEqual([400, "request.invalid"]);
  });
});
