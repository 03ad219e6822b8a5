import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { portalDemoDenial, seedPortalDemo } from "@/lib/demo";
import { startLocalAws, type LocalAws } from "@/lib/local-aws";
import { parsePortalConfig } from "@/lib/portal/config";
import { processStore } from "@/lib/store/process";
import { auditLineSchema, historyPageSchema } from "@/lib/wire";
import { POST as diagnose } from "../diagnose/route";
import { POST as lookup } from "../lookup/route";
import { readEvents } from "../testing/ndjson";
import { EXAMPLE_CONFIG, PRODUCTION, SANDBOX, portalEnv, signedIn } from "../testing/portal";
import { GET as history } from "./route";
import { GET as auditExport } from "../audit.jsonl/route";

const folder = mkdtempSync(join(tmpdir(), "whydenied-recording-"));
const savedEnv = { ...process.env };
let endpoint: LocalAws;

beforeAll(async () => {
  const config = parsePortalConfig(readFileSync(EXAMPLE_CONFIG, "utf8"));
  if (!config.ok) throw new Error(config.error.message);
  const seeded = seedPortalDemo(config.value.accounts, { now: new Date(), days: 1 });
  endpoint = await startLocalAws(seeded);
  process.env = { ...savedEnv, ...portalEnv(endpoint.url), WHYDENIED_DATA_DIR: join(folder, "data") };
  // Opened at start-up in the server: opening it here keeps its first migration out of the authority's time limit.
  if (!(await processStore()).ok) throw new Error("the history store did not open");
}, 60_000);
afterAll(async () => {
  process.env = savedEnv;
  await endpoint.close();
  rmSync(folder, { recursive: true, force: true });
});

const DEVELOPER = signedIn("dev@example.com", ["developers"]);
const SRE = signedIn("sre@example.com", ["sre"]);
const ADMIN = signedIn("lead@example.com", ["platform"]);

const post = (path: string, body: object, headers: Record<string, string>) =>
  new Request(`http://127.0.0.1${path}`, {
    method: "POST",
    body: JSON.stringify(body),
    headers: { "content-type": "application/json", ...headers },
  });

describe("portal runs and role uses are recorded", () => {
  it("names the user, the account and the role of each diagnosis and lookup, and audits every role it assumed", async () => {
    const denial = portalDemoDenial(PRODUCTION);
    expect((await diagnose(post("/api/diagnose", { text: denial.message }, SRE))).status).toBe(200);
    const found = await lookup(
      post(
        "/api/lookup",
        {
          roleArn: `arn:aws:iam::${SANDBOX}:role/orders-api-role`,
          regions: ["us-east-1"],
          includeGlobalRegion: false,
          window: { hours: 24 },
          account: SANDBOX,
        },
        DEVELOPER,
      ),
    );
    expect((await readEvents(found)).at(-1)).toMatchObject({ type: "done" });

    const page = historyPageSchema.parse(
      await (await history(new Request("http://127.0.0.1/api/history", { headers: ADMIN }))).json(),
    );
    expect(page.runs.map(({ kind, user, account }) => ({ kind, user, account: account?.name }))).toEqual([
      { kind: "lookup", user: "dev@example.com", account: "sandbox" },
      { kind: "diagnose", user: "sre@example.com", account: "production" },
    ]);
    expect(page.runs[0]?.roles[0]).toBe(`arn:aws:iam::${SANDBOX}:role/orders-api-role`);
    expect(page.runs[1]?.actions.length).toBeGreaterThan(0);

    const exported = await auditExport(new Request("http://127.0.0.1/api/audit.jsonl", { headers: ADMIN }));
    const lines = (await exported.text())
      .trim()
      .split("\n")
      .map((line) => auditLineSchema.parse(JSON.parse(line)));
    expect(lines.map(({ user, accountId, purpose, outcome }) => ({ user, accountId, purpose, outcome }))).toEqual(
      expect.arrayContaining([
        { user: "sre@example.com", accountId: PRODUCTION, purpose: "authority", outcome: "ok" },
        { user: "dev@example.com", accountId: SANDBOX, purpose: "lookup", outcome: "ok" },
      ]),
    );
    expect(lines).toHaveLength(2);
  });

  it("keeps the developer's view to the accounts their groups may use", async () => {
    const page = historyPageSchema.parse(
      await (await history(new Request("http://127.0.0.1/api/history", { headers: DEVELOPER }))).json(),
    );
    expect(page.runs.map((run) => run.account?.name)).toEqual(["sandbox"]);
    expect(page.canExportAudit).toBe(false);
  });
});
