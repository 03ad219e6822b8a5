import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocalAws, type LocalAws } from "../../local-aws";
import { VirtualClock } from "../../lookup/testing/virtual-clock";
import type { PortalAccount } from "../config";
import { assumeRoleFailure } from "./assume-role";
import { InMemorySessionCredentialCache, RoleSessions, stsRoleAssumer } from "./index";

const START = Date.parse("2026-12-01T12:00:00Z");
const PROD_ROLE = "arn:aws:iam::222222222222:role/whydenied-reader";
const SANDBOX_ROLE = "arn:aws:iam::111111111111:role/whydenied-reader";

const account = (overrides: Partial<PortalAccount>): PortalAccount => ({
  name: "prod",
  accountId: "222222222222",
  roleArn: PROD_ROLE,
  externalId: "ext-1234",
  sessionDurationSeconds: 1800,
  regions: ["us-east-1"],
  groups: ["sre"],
  ...overrides,
});

let endpoint: LocalAws;
const clock = new VirtualClock(START);

beforeAll(async () => {
  endpoint = await startLocalAws({
    events: [],
    clock,
    roles: [{ roleArn: PROD_ROLE, externalId: "ext-1234" }, { roleArn: SANDBOX_ROLE }],
  });
});
afterAll(() => endpoint.close());

const assumer = () =>
  stsRoleAssumer({
    region: "us-east-1",
    endpoint: endpoint.url,
    credentials: { accessKeyId: "portal", secretAccessKey: "portal" },
  });

describe("AssumeRole through @aws-sdk/client-sts against the local endpoint", () => {
  it("gets temporary credentials that expire after the session duration, and STS records the source identity", async () => {
    endpoint.reset();
    const sessions = new RoleSessions({
      assumeRole: assumer(),
      cache: new InMemorySessionCredentialCache(() => clock.now()),
      clock,
    });
    const [first, second] = await Promise.all([
      sessions.credentialsFor(account({}), "jane.doe@example.com"),
      sessions.credentialsFor(account({}), "jane.doe@example.com"),
    ]);
    if (!first?.ok) throw new Error(first?.error.message);
    expect(first.value.accessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(first.value.expiresAt).toBe(START + 1800 * 1000);
    expect(second).toEqual(first);
    await sessions.credentialsFor(
      account({ accountId: "111111111111", roleArn: SANDBOX_ROLE, externalId: undefined }),
      "omar",
    );
    expect(endpoint.stats().assumedRoles).toEqual([
      { roleArn: PROD_ROLE, roleSessionName: "jane.doe@example.com", sourceIdentity: "jane.doe@example.com" },
      { roleArn: SANDBOX_ROLE, roleSessionName: "omar", sourceIdentity: "omar" },
    ]);
  });

  it.each([
    ["a wrong external id", account({ externalId: "guess" }), "credentials.refused"],
    ["a missing external id", account({ externalId: undefined }), "credentials.refused"],
    ["a role it does not trust", account({ roleArn: "arn:aws:iam::222222222222:role/admin" }), "credentials.refused"],
    ["a session longer than the role allows", account({ sessionDurationSeconds: 7200 }), "credentials.invalid-request"],
  ])("refuses %s with a typed error", async (_, refused, code) => {
    endpoint.reset();
    const result = await assumer()({
      roleArn: refused.roleArn,
      externalId: refused.externalId,
      roleSessionName: "jane",
      sourceIdentity: "jane",
      durationSeconds: refused.sessionDurationSeconds,
    });
    expect(result.ok ? null : result.error.code).toBe(code);
    expect(result.ok ? "" : result.error.message).toContain(refused.roleArn);
    expect(endpoint.stats()).toMatchObject({ assumedRoles: [], refusedAssumeRoles: 1 });
  });

  it("says the portal's own identity is missing when the SDK finds no credentials, and unavailable otherwise", () => {
    const missing = Object.assign(new Error("Could not load credentials from any providers"), {
      name: "CredentialsProviderError",
    });
    expect(assumeRoleFailure(missing, PROD_ROLE).error.code).toBe("credentials.no-portal-identity");
    expect(assumeRoleFailure(new Error("connect ECONNREFUSED"), PROD_ROLE).error.code).toBe("credentials.unavailable");
  });
});
