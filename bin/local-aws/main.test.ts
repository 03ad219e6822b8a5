import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CloudTrailClient, LookupEventsCommand } from "@aws-sdk/client-cloudtrail";
import { portalDemoDenial } from "../../lib/demo";
import { CONTROL_TOKEN_HEADER } from "../../lib/local-aws";
import { stsRoleAssumer } from "../../lib/portal/credentials";
import { toolboxClient } from "../../lib/toolbox";
import { localClient, testRecord } from "../../lib/local-aws/testing/clients";

const launcher = fileURLToPath(new URL("../local-cloudtrail.mjs", import.meta.url));
let directory: string;
let recordsFile: string;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "local-cloudtrail-"));
  recordsFile = join(directory, "extra.jsonl");
  const now = new Date().toISOString();
  const trailFile = { Records: [testRecord({ eventID: "from-trail-file", eventTime: now })] };
  await writeFile(
    recordsFile,
    `${JSON.stringify(testRecord({ eventID: "from-line", eventTime: now }))}\n${JSON.stringify(trailFile)}\n`,
  );
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

/** Resolves with the URL the launcher prints once it listens. */
function urlOf(child: ChildProcessWithoutNullStreams): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (url) resolve(url);
    });
    child.once("exit", (code) => reject(new Error(`launcher exited with ${code} before listening`)));
  });
}

/** Resolves with the URL and the control token the launcher prints once it listens. */
function controlOf(child: ChildProcessWithoutNullStreams): Promise<{ url: string; token: string }> {
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      const token = /control token: (\S+)/.exec(output)?.[1];
      if (url && token) resolve({ url, token });
    });
    child.once("exit", (code) => reject(new Error(`launcher exited with ${code} before listening`)));
  });
}

describe("bin/local-cloudtrail.mjs", () => {
  it("serves the records it is given, then stops cleanly on SIGTERM", async () => {
    const child = spawn(process.execPath, [
      launcher,
      "--port",
      "0",
      "--no-demo",
      "--records",
      recordsFile,
      "--rate",
      "Infinity",
    ]);
    try {
      const url = await urlOf(child);
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const client = localClient(url, "us-east-1");
      const output = await client.send(new LookupEventsCommand({}));
      expect(output.Events?.map((event) => event.EventId).sort()).toEqual(["from-line", "from-trail-file"]);
      client.destroy();
      const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
    } finally {
      child.kill("SIGKILL");
    }
  });

  it("prints its control token and answers the control routes only with it", async () => {
    const child = spawn(process.execPath, [launcher, "--port", "0", "--no-demo"], {
      env: { ...process.env, WHYDENIED_CONTROL_TOKEN: "" },
    });
    try {
      const { url, token } = await controlOf(child);
      expect(token.length).toBeGreaterThanOrEqual(16);
      expect((await fetch(`${url}/__control/stats`)).status).toBe(401);
      expect(
        (await fetch(`${url}/__control/reset`, { method: "POST", headers: { [CONTROL_TOKEN_HEADER]: "x" } })).status,
      ).toBe(401);
      expect((await fetch(`${url}/__control/stats`, { headers: { [CONTROL_TOKEN_HEADER]: token } })).status).toBe(200);
    } finally {
      child.kill("SIGKILL");
    }
  });

  it("serves the example portal configuration's two accounts: their roles, their own events, their authorization id", async () => {
    const example = fileURLToPath(new URL("../../portal.example.yaml", import.meta.url));
    const child = spawn(process.execPath, [
      launcher,
      "--port",
      "0",
      "--no-demo",
      "--portal-config",
      example,
      "--days",
      "1",
    ]);
    try {
      const url = await urlOf(child);
      const assume = stsRoleAssumer({
        region: "us-east-1",
        endpoint: url,
        credentials: { accessKeyId: "portal", secretAccessKey: "portal" },
      });
      const production = await assume({
        roleArn: "arn:aws:iam::222222222222:role/whydenied-reader",
        externalId: "whydenied-prod-4c1f",
        roleSessionName: "jane",
        sourceIdentity: "jane",
        durationSeconds: 1800,
      });
      if (!production.ok) throw new Error(production.error.message);
      const client = new CloudTrailClient({ region: "us-east-1", endpoint: url, credentials: production.value });
      const events = (await client.send(new LookupEventsCommand({}))).Events ?? [];
      expect(events.length).toBeGreaterThan(0);
      const accounts = new Set(
        events.map(
          (event) => (JSON.parse(event.CloudTrailEvent ?? "{}") as { recipientAccountId?: string }).recipientAccountId,
        ),
      );
      expect([...accounts]).toEqual(["222222222222"]);
      client.destroy();
      const { authorizationId } = portalDemoDenial("222222222222");
      const details = await toolboxClient({
        endpoint: url,
        region: "us-east-1",
        credentials: production.value,
      }).authorizationDetails(authorizationId);
      expect(details.ok && details.value.evaluations).toHaveLength(1);
      const withoutExternalId = await assume({
        roleArn: "arn:aws:iam::222222222222:role/whydenied-reader",
        roleSessionName: "jane",
        sourceIdentity: "jane",
        durationSeconds: 1800,
      });
      expect(withoutExternalId.ok ? null : withoutExternalId.error.code).toBe("credentials.refused");
    } finally {
      child.kill("SIGKILL");
    }
  });

  it("refuses a portal configuration with a bad field, naming it", async () => {
    const bad = join(directory, "bad-portal.yaml");
    await writeFile(bad, "accounts:\n  - name: x\n    accountId: '1'\n");
    const run = spawnSync(process.execPath, [launcher, "--port", "0", "--portal-config", bad], {
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("accounts[0].accountId");
  });

  it("refuses a control token shorter than 16 characters", () => {
    const short = spawnSync(process.execPath, [launcher, "--port", "0", "--control-token", "short"], {
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(short.status).toBe(2);
    expect(short.stderr).toContain("at least 16 characters");
  });

  it("prints help, and refuses unknown options with status 2", () => {
    const help = spawnSync(process.execPath, [launcher, "--help"], { encoding: "utf8", timeout: 20_000 });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("--records FILE");
    const bad = spawnSync(process.execPath, [launcher, "--colour"], { encoding: "utf8", timeout: 20_000 });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("--colour");
  });
});
