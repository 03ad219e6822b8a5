import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { seedPortalDemo } from "@/lib/demo";
import { startLocalAws, type LocalAws } from "@/lib/local-aws";
import { parsePortalConfig } from "@/lib/portal/config";
import { INITIAL_LOOKUP_STATE, reduceLookup } from "@/lib/run";
import { apiErrorSchema } from "@/lib/wire";
import { readEvents } from "../testing/ndjson";
import { EXAMPLE_CONFIG, PRODUCTION, SANDBOX, portalEnv, signedIn } from "../testing/portal";
import { POST } from "./route";

const NOW = new Date();
const RETIRED = "333333333333";
const directory = mkdtempSync(join(tmpdir(), "whydenied-portal-lookup-"));
/** The example's two accounts, and one whose role the endpoint does not know (STS refuses it). */
const configFile = join(directory, "portal.yaml");
writeFileSync(
  configFile,
  `${readFileSync(EXAMPLE_CONFIG, "utf8")}
  - name: retired
    accountId: "${RETIRED}"
    roleArn: arn:aws:iam::${RETIRED}:role/whydenied-reader
    regions: [us-east-1]
    groups: ["*"]
`,
);

const savedEnv = { ...process.env };
let endpoint: LocalAws;

beforeAll(async () => {
  const config = parsePortalConfig(readFileSync(EXAMPLE_CONFIG, "utf8"));
  if (!config.ok) throw new Error(config.error.message);
  const seeded = seedPortalDemo(config.value.accounts, { now: NOW, days: 2 });
  endpoint = await startLocalAws({ events: seeded.events, roles: seeded.roles });
});
beforeEach(() => {
  endpoint.reset();
  process.env = { ...savedEnv, ...portalEnv(endpoint.url), WHYDENIED_CONFIG: configFile };
});
afterAll(async () => {
  process.env = savedEnv;
  await endpoint.close();
  rmSync(directory, { recursive: true, force: true });
});

const ordersIn = (account: string | null, extra: Record<string, unknown> = {}) => ({
  roleArn: `arn:aws:iam::${account ?? SANDBOX}:role/orders-api-role`,
  functionName: "orders-api",
  regions: ["eu-west-1"],
  includeGlobalRegion: false,
  window: { hours: 24 },
  account,
  ...extra,
});

function lookup(body: object, headers: Record<string, string>): Promise<Response> {
  return POST(
    new Request("http://127.0.0.1/api/lookup", {
      method: "POST",
      body: JSON.stringify(body),
      headers: { "content-type": "application/json", ...headers },
    }),
  );
}

async function errorOf(response: Response) {
  return [response.status, apiErrorSchema.parse(await response.json()).code];
}

const DEVELOPER = signedIn("dev@example.com", ["developers"]);
const SRE = signedIn("sre@example.com", ["sre"]);

describe("POST /api/lookup in portal mode", () => {
  it("reads the chosen account's CloudTrail through its role, as the signed-in user", async () => {
    for (const [account, user] of [
      [SANDBOX, DEVELOPER],
      [PRODUCTION, SRE],
    ] as const) {
      const response = await lookup(ordersIn(account), user);
      expect(response.status).toBe(200);
      const state = reduceLookup(INITIAL_LOOKUP_STATE, await readEvents(response));
      expect(state.done).toMatchObject({ partial: false });
      expect(state.groups.length).toBeGreaterThan(0);
      for (const group of state.groups) expect(group.finding?.account).toBe(account);
    }
    expect(endpoint.stats().assumedRoles).toEqual([
      {
        roleArn: `arn:aws:iam::${SANDBOX}:role/whydenied-reader`,
        roleSessionName: "dev@example.com",
        sourceIdentity: "dev@example.com",
      },
      {
        roleArn: `arn:aws:iam::${PRODUCTION}:role/whydenied-reader`,
        roleSessionName: "sre@example.com",
        sourceIdentity: "sre@example.com",
      },
    ]);
    expect(endpoint.stats().throttled).toBe(0);
  });

  it("sees nothing of another account's events: production's role in the sandbox's records finds no denials", async () => {
    const response = await lookup(
      ordersIn(PRODUCTION, { roleArn: `arn:aws:iam::${SANDBOX}:role/orders-api-role` }),
      SRE,
    );
    const state = reduceLookup(INITIAL_LOOKUP_STATE, await readEvents(response));
    expect(state.done).toMatchObject({ partial: false });
    expect(state.groups).toEqual([]);
  });

  it("refuses an account the user's groups may not use, and a lookup without an account", async () => {
    expect(await errorOf(await lookup(ordersIn(PRODUCTION), DEVELOPER))).toEqual([403, "portal.account-forbidden"]);
    expect(await errorOf(await lookup(ordersIn("999999999999"), SRE))).toEqual([403, "portal.account-forbidden"]);
    expect(await errorOf(await lookup(ordersIn(null), SRE))).toEqual([400, "portal.account-required"]);
    expect(endpoint.stats().assumedRoles).toEqual([]);
  });

  it("answers STS's refusal of the account's role as a typed error, before any CloudTrail call", async () => {
    const response = await lookup(ordersIn(RETIRED), DEVELOPER);
    expect(response.status).toBe(403);
    const error = apiErrorSchema.parse(await response.json());
    expect(error.code).toBe("credentials.refused");
    expect(error.message).toContain(`arn:aws:iam::${RETIRED}:role/whydenied-reader`);
    expect(endpoint.stats().requests).toBe(0);
  });

  it("checks the request before assuming any role", async () => {
    expect(await errorOf(await lookup(ordersIn(SANDBOX, { roleArn: "not-an-arn" }), DEVELOPER))).toEqual([
      400,
      "lookup.bad-arn",
    ]);
    expect(endpoint.stats().assumedRoles).toEqual([]);
  });

  it("answers 401 without identity headers, and still runs the demo data without an account", async () => {
    expect(await errorOf(await lookup(ordersIn(SANDBOX), {}))).toEqual([401, "auth.unauthenticated"]);
    const demo = await lookup(
      { ...ordersIn(null, { roleArn: "arn:aws:iam::123456789012:role/orders-api-role" }), source: "demo" },
      DEVELOPER,
    );
    expect(demo.status).toBe(200);
    const state = reduceLookup(INITIAL_LOOKUP_STATE, await readEvents(demo));
    expect(state.start).toMatchObject({ source: "demo" });
    expect(state.groups.length).toBeGreaterThan(0);
  });
});
