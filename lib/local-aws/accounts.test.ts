import { CloudTrailClient, LookupEventsCommand } from "@aws-sdk/client-cloudtrail";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { VirtualClock } from "../lookup/testing/virtual-clock";
import { stsRoleAssumer } from "../portal/credentials";
import { startLocalAws, type LocalAws } from "./index";
import { failureOf, localClient, testRecord } from "./testing/clients";

const START = Date.parse("2026-12-01T12:00:00Z");
const clock = new VirtualClock(START);
const SANDBOX = "111111111111";
const PRODUCTION = "222222222222";
const role = (account: string) => `arn:aws:iam::${account}:role/whydenied-reader`;
const at = (minutesAgo: number) => new Date(START - minutesAgo * 60_000).toISOString();

const records = [
  testRecord({ eventID: "sandbox-1", eventTime: at(1), recipientAccountId: SANDBOX }),
  testRecord({ eventID: "sandbox-2", eventTime: at(2), userIdentity: { type: "IAMUser", accountId: SANDBOX } }),
  testRecord({ eventID: "production-1", eventTime: at(3), recipientAccountId: PRODUCTION }),
  testRecord({ eventID: "elsewhere-1", eventTime: at(4), recipientAccountId: "123456789012" }),
];

let endpoint: LocalAws;
beforeAll(async () => {
  endpoint = await startLocalAws({
    events: records,
    clock,
    roles: [{ roleArn: role(SANDBOX) }, { roleArn: role(PRODUCTION), externalId: "whydenied-prod-4c1f" }],
  });
});
beforeEach(() => {
  endpoint.reset();
  clock.advance(60_000);
});
afterAll(() => endpoint.close());

async function sessionClient(account: string, options: { durationSeconds?: number } = {}) {
  const assumed = await stsRoleAssumer({
    region: "us-east-1",
    endpoint: endpoint.url,
    credentials: { accessKeyId: "portal", secretAccessKey: "portal" },
  })({
    roleArn: role(account),
    externalId: account === PRODUCTION ? "whydenied-prod-4c1f" : undefined,
    roleSessionName: "jane",
    sourceIdentity: "jane",
    durationSeconds: options.durationSeconds ?? 3600,
  });
  if (!assumed.ok) throw new Error(assumed.error.message);
  const client = new CloudTrailClient({
    region: "us-east-1",
    endpoint: endpoint.url,
    credentials: assumed.value,
    maxAttempts: 1,
  });
  return { client, credentials: assumed.value };
}

const eventIds = async (client: CloudTrailClient) =>
  ((await client.send(new LookupEventsCommand({}))).Events ?? []).map((event) => event.EventId);

describe("the local CloudTrail serves each account its own records", () => {
  it("shows a session of an account only that account's records, and plain credentials every record", async () => {
    expect(await eventIds((await sessionClient(SANDBOX)).client)).toEqual(["sandbox-1", "sandbox-2"]);
    expect(await eventIds((await sessionClient(PRODUCTION)).client)).toEqual(["production-1"]);
    expect(await eventIds(localClient(endpoint.url, "us-east-1"))).toEqual([
      "sandbox-1",
      "sandbox-2",
      "production-1",
      "elsewhere-1",
    ]);
  });

  it("limits each account and Region on its own, plain credentials sharing one budget", async () => {
    const sandbox = (await sessionClient(SANDBOX)).client;
    const production = (await sessionClient(PRODUCTION)).client;
    const plain = localClient(endpoint.url, "us-east-1");
    const outcome = (client: CloudTrailClient) =>
      client.send(new LookupEventsCommand({})).then(
        () => "ok",
        (error: Error) => error.name,
      );
    const admitted = async (client: CloudTrailClient, times: number) =>
      (await Promise.all(Array.from({ length: times }, () => outcome(client)))).filter((result) => result === "ok")
        .length;
    const burst = await Promise.all([admitted(sandbox, 3), admitted(production, 2), admitted(plain, 3)]);
    expect(burst).toEqual([2, 2, 2]);
    expect(endpoint.stats().throttled).toBe(2);
  });

  it("refuses a session's key without its token, and an expired session", async () => {
    const { credentials } = await sessionClient(SANDBOX, { durationSeconds: 900 });
    const tokenless = new CloudTrailClient({
      region: "us-east-1",
      endpoint: endpoint.url,
      credentials: { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey },
      maxAttempts: 1,
    });
    expect(await failureOf(() => eventIds(tokenless))).toMatchObject({ name: "UnrecognizedClientException" });
    const expiring = new CloudTrailClient({ region: "us-east-1", endpoint: endpoint.url, credentials, maxAttempts: 1 });
    clock.advance(900_000);
    expect(await failureOf(() => eventIds(expiring))).toMatchObject({ name: "ExpiredTokenException" });
  });
});
