import { describe, expect, it } from "vitest";
import { parseDenials } from "../parse";
import { DEMO_ACCOUNT, portalDemoDenial, seedPortalDemo } from "./index";

const NOW = new Date("2026-12-01T12:00:00Z");
const ACCOUNTS = [
  {
    accountId: "111111111111",
    roleArn: "arn:aws:iam::111111111111:role/whydenied-reader",
    sessionDurationSeconds: 3600,
  },
  {
    accountId: "222222222222",
    roleArn: "arn:aws:iam::222222222222:role/whydenied-reader",
    externalId: "whydenied-prod-4c1f",
    sessionDurationSeconds: 7200,
  },
];

describe("the portal's demo data", () => {
  const data = seedPortalDemo(ACCOUNTS, { now: NOW, days: 1 });

  it("records the demo story in each account, with histories of their own", () => {
    const of = (accountId: string) => data.events.filter((record) => record.recipientAccountId === accountId);
    const [sandbox, production] = [of("111111111111"), of("222222222222")];
    expect(sandbox.length + production.length).toBe(data.events.length);
    expect(sandbox.length).not.toBe(production.length);
    expect(JSON.stringify(data.events)).not.toContain(DEMO_ACCOUNT);
    expect(JSON.stringify(sandbox)).toContain("arn:aws:iam::111111111111:role/orders-api-role");
  });

  it("seeds each account's role with its external id and at least the configured session length", () => {
    expect(data.roles).toEqual([
      { roleArn: ACCOUNTS[0]!.roleArn, externalId: undefined, maxSessionSeconds: 3600 },
      { roleArn: ACCOUNTS[1]!.roleArn, externalId: "whydenied-prod-4c1f", maxSessionSeconds: 7200 },
    ]);
  });

  it("seeds the authorization id its demo denial carries, in the denial's account", () => {
    const { authorizationId, message } = portalDemoDenial("222222222222");
    expect(parseDenials(message).records[0]).toMatchObject({ authorizationId, account: "222222222222" });
    expect(data.authorizations[1]).toMatchObject({
      authorizationId,
      accountId: "222222222222",
      deniedAt: NOW.toISOString(),
    });
  });
});
