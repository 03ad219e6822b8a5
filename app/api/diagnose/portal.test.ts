import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { portalDemoDenial, seedPortalDemo } from "@/lib/demo";
import { processStore } from "@/lib/store/process";
import { startLocalAws, type LocalAws } from "@/lib/local-aws";
import { parsePortalConfig } from "@/lib/portal/config";
import { apiErrorSchema, diagnosisSchema } from "@/lib/wire";
import { EXAMPLE_CONFIG, PRODUCTION, SANDBOX, portalEnv, signedIn } from "../testing/portal";
import { POST } from "./route";

const savedEnv = { ...process.env };
/** Where the history of these runs is kept (the embedded store). */
const folder = mkdtempSync(join(tmpdir(), "whydenied-portal-diagnose-"));
let endpoint: LocalAws;

beforeAll(async () => {
  const config = parsePortalConfig(readFileSync(EXAMPLE_CONFIG, "utf8"));
  if (!config.ok) throw new Error(config.error.message);
  const seeded = seedPortalDemo(config.value.accounts, { now: new Date(), days: 1 });
  endpoint = await startLocalAws({ events: [], roles: seeded.roles, authorizations: seeded.authorizations });
  // Opened at start-up in the server: opening it here keeps its first migration out of the authority's time limit.
  process.env = { ...savedEnv, ...portalEnv(endpoint.url), WHYDENIED_DATA_DIR: join(folder, "data") };
  if (!(await processStore()).ok) throw new Error("the history store did not open");
}, 60_000);
beforeEach(() => {
  endpoint.reset();
  process.env = { ...savedEnv, ...portalEnv(endpoint.url), WHYDENIED_DATA_DIR: join(folder, "data") };
});
afterAll(async () => {
  process.env = savedEnv;
  await endpoint.close();
  rmSync(folder, { recursive: true, force: true });
});

const SRE = signedIn("sre@example.com", ["sre"]);
const DEVELOPER = signedIn("dev@example.com", ["developers"]);

async function diagnoseAs(text: string, headers: Record<string, string>) {
  const response = await POST(
    new Request("http://127.0.0.1/api/diagnose", {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ text }),
    }),
  );
  expect(response.status).toBe(200);
  return diagnosisSchema.parse(await response.json());
}

describe("POST /api/diagnose in portal mode", () => {
  it("asks AWS about the authorization id in the user's account and ranks what it proves Proven by AWS", async () => {
    const { authorizationId, message } = portalDemoDenial(PRODUCTION);
    const diagnosis = await diagnoseAs(message, SRE);
    expect(diagnosis.authority).toEqual([
      {
        authorizationId,
        account: "production",
        status: "proven",
        message:
          "Proven by AWS: the authorization details in account production show secretsmanager:GetSecretValue on " +
          `arn:aws:secretsmanager:eu-west-1:${PRODUCTION}:secret:orders/db-credentials-Xk3P9q denied by statement ` +
          `"DenyOrdersSecretsOutsideDeploys" of arn:aws:iam::${PRODUCTION}:policy/DenyOrdersSecrets.`,
        deniedBy: {
          policyUri: `arn:aws:iam::${PRODUCTION}:policy/DenyOrdersSecrets`,
          sid: "DenyOrdersSecretsOutsideDeploys",
          statement: {
            Sid: "DenyOrdersSecretsOutsideDeploys",
            Effect: "Deny",
            Action: "secretsmanager:GetSecretValue",
            Resource: `arn:aws:secretsmanager:eu-west-1:${PRODUCTION}:secret:orders/db-credentials-Xk3P9q`,
          },
        },
      },
    ]);
    expect(diagnosis.findings).toHaveLength(1);
    expect(diagnosis.findings[0]).toMatchObject({
      id: "finding-1",
      action: "secretsmanager:GetSecretValue",
      authorizationId,
      account: PRODUCTION,
      certainty: { basis: "proven", label: "Proven by AWS" },
    });
    expect(endpoint.stats().assumedRoles).toEqual([
      expect.objectContaining({
        roleArn: `arn:aws:iam::${PRODUCTION}:role/whydenied-reader`,
        sourceIdentity: "sre@example.com",
      }),
    ]);
  });

  it("says the account is not configured for a user who may not use it, and keeps the engine's reading", async () => {
    const diagnosis = await diagnoseAs(portalDemoDenial(PRODUCTION).message, DEVELOPER);
    expect(diagnosis.authority).toMatchObject([{ account: null, status: "not-configured" }]);
    expect(diagnosis.findings[0]?.certainty.basis).not.toBe("proven");
    expect(endpoint.stats().assumedRoles).toEqual([]);
  });

  it("says an id AWS no longer knows has expired, and answers a paste without ids with an empty authority", async () => {
    const stale = portalDemoDenial(SANDBOX).message.replaceAll(`whydenieddemo${SANDBOX}`, "whydeniedgone1");
    expect((await diagnoseAs(stale, DEVELOPER)).authority).toMatchObject([
      { authorizationId: "whydeniedgone1", account: "sandbox", status: "expired" },
    ]);
    const plain =
      "User: arn:aws:iam::111111111111:user/jane is not authorized to perform: s3:ListBucket on resource: arn:aws:s3:::logs";
    expect((await diagnoseAs(plain, DEVELOPER)).authority).toEqual([]);
  });

  it("answers 401 without identity headers, and leaves authority out in single mode", async () => {
    const response = await POST(
      new Request("http://127.0.0.1/api/diagnose", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ text: portalDemoDenial(PRODUCTION).message }),
      }),
    );
    expect([response.status, apiErrorSchema.parse(await response.json()).code]).toEqual([401, "auth.unauthenticated"]);
    process.env = { ...savedEnv };
    const single = await diagnoseAs(portalDemoDenial(PRODUCTION).message, SRE);
    expect(single).not.toHaveProperty("authority");
    expect(endpoint.stats().assumedRoles).toEqual([]);
  });
});
