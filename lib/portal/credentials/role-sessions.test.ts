import { describe, expect, it } from "vitest";
import { VirtualClock } from "../../lookup/testing/virtual-clock";
import { fail, ok } from "../../result";
import type { PortalAccount } from "../config";
import {
  InMemorySessionCredentialCache,
  REFRESH_MARGIN_MS,
  RoleSessions,
  stsSessionName,
  type AssumeRoleRequest,
  type RoleAssumer,
} from "./index";

const HOUR = 3_600_000;

const account = (overrides: Partial<PortalAccount> = {}): PortalAccount => ({
  name: "prod",
  accountId: "222222222222",
  roleArn: "arn:aws:iam::222222222222:role/whydenied-reader",
  externalId: "ext-1234",
  sessionDurationSeconds: 3600,
  regions: ["us-east-1"],
  groups: ["sre"],
  ...overrides,
});

/** An assumer that records its calls and answers one-hour sessions on the clock, or what `answer` says. */
function fakeSts(clock: VirtualClock, answer?: RoleAssumer) {
  const calls: AssumeRoleRequest[] = [];
  let resolveHeld: (() => void) | null = null;
  const assumeRole: RoleAssumer = async (request) => {
    calls.push(request);
    if (answer) return answer(request);
    await new Promise<void>((resolve) => (resolveHeld = resolve));
    return ok({
      accessKeyId: `ASIA${calls.length}`,
      secretAccessKey: "s",
      sessionToken: "t",
      expiresAt: clock.now() + HOUR,
    });
  };
  const release = () => resolveHeld?.();
  return { calls, assumeRole, release };
}

async function settled<T>(promise: Promise<T>, release: () => void): Promise<T> {
  await Promise.resolve();
  await Promise.resolve();
  release();
  return promise;
}

describe("RoleSessions", () => {
  it("assumes the account's role as the user, with its external id and duration", async () => {
    const clock = new VirtualClock(0);
    const sts = fakeSts(clock);
    const sessions = new RoleSessions({
      assumeRole: sts.assumeRole,
      cache: new InMemorySessionCredentialCache(() => clock.now()),
      clock,
    });
    const credentials = await settled(sessions.credentialsFor(account(), "jane.doe@example.com"), sts.release);
    expect(credentials).toMatchObject({ ok: true, value: { accessKeyId: "ASIA1" } });
    expect(sts.calls).toEqual([
      {
        roleArn: "arn:aws:iam::222222222222:role/whydenied-reader",
        externalId: "ext-1234",
        roleSessionName: "jane.doe@example.com",
        sourceIdentity: "jane.doe@example.com",
        durationSeconds: 3600,
      },
    ]);
  });

  it("reuses the session until the margin before expiry, then assumes the role again", async () => {
    const clock = new VirtualClock(0);
    const sts = fakeSts(clock);
    const sessions = new RoleSessions({
      assumeRole: sts.assumeRole,
      cache: new InMemorySessionCredentialCache(() => clock.now()),
      clock,
    });
    await settled(sessions.credentialsFor(account(), "jane"), sts.release);
    clock.advance(HOUR - REFRESH_MARGIN_MS - 1);
    expect(await sessions.credentialsFor(account(), "jane")).toMatchObject({ value: { accessKeyId: "ASIA1" } });
    clock.advance(1);
    expect(await settled(sessions.credentialsFor(account(), "jane"), sts.release)).toMatchObject({
      value: { accessKeyId: "ASIA2" },
    });
    expect(sts.calls).toHaveLength(2);
  });

  it("shares one in-flight AssumeRole among concurrent callers, and keeps users and accounts apart", async () => {
    const clock = new VirtualClock(0);
    const sts = fakeSts(clock);
    const sessions = new RoleSessions({
      assumeRole: sts.assumeRole,
      cache: new InMemorySessionCredentialCache(() => clock.now()),
      clock,
    });
    const same = [sessions.credentialsFor(account(), "jane"), sessions.credentialsFor(account(), "jane")];
    const all = settled(Promise.all(same), sts.release);
    expect((await all).map((result) => (result.ok ? result.value.accessKeyId : null))).toEqual(["ASIA1", "ASIA1"]);
    await settled(sessions.credentialsFor(account(), "omar"), sts.release);
    await settled(
      sessions.credentialsFor(
        account({ accountId: "333333333333", roleArn: "arn:aws:iam::333333333333:role/r" }),
        "jane",
      ),
      sts.release,
    );
    expect(sts.calls.map((call) => [call.roleArn.split(":")[4], call.sourceIdentity])).toEqual([
      ["222222222222", "jane"],
      ["222222222222", "omar"],
      ["333333333333", "jane"],
    ]);
  });

  it("keeps two users apart even when their names clean to the same session name", async () => {
    const clock = new VirtualClock(0);
    const sts = fakeSts(clock);
    const sessions = new RoleSessions({
      assumeRole: sts.assumeRole,
      cache: new InMemorySessionCredentialCache(() => clock.now()),
      clock,
    });
    await settled(sessions.credentialsFor(account(), "jane doe"), sts.release);
    await settled(sessions.credentialsFor(account(), "jane-doe"), sts.release);
    expect(sts.calls.map((call) => call.sourceIdentity)).toEqual(["jane-doe", "jane-doe"]);
  });

  it("returns a refusal without caching it, so the next call asks STS again", async () => {
    const clock = new VirtualClock(0);
    const sts = fakeSts(clock, () => Promise.resolve(fail("credentials.refused", "STS refused")));
    const sessions = new RoleSessions({
      assumeRole: sts.assumeRole,
      cache: new InMemorySessionCredentialCache(() => clock.now()),
      clock,
    });
    expect(await sessions.credentialsFor(account(), "jane")).toEqual(fail("credentials.refused", "STS refused"));
    await sessions.credentialsFor(account(), "jane");
    expect(sts.calls).toHaveLength(2);
  });
});

describe("InMemorySessionCredentialCache", () => {
  it("drops sessions that have expired as new ones arrive", async () => {
    let now = 0;
    const cache = new InMemorySessionCredentialCache(() => now);
    await cache.set("a", { accessKeyId: "A", secretAccessKey: "s", sessionToken: "t", expiresAt: 1000 });
    now = 1000;
    await cache.set("b", { accessKeyId: "B", secretAccessKey: "s", sessionToken: "t", expiresAt: 5000 });
    expect(cache.size).toBe(1);
    expect(await cache.get("b", 4999)).toMatchObject({ accessKeyId: "B" });
    expect(await cache.get("b", 5000)).toBeNull();
  });
});

describe("stsSessionName", () => {
  it.each([
    ["jane.doe@example.com", "jane.doe@example.com"],
    ["Jane Doe <jane@example.com>", "Jane-Doe--jane@example.com-"],
    ["aws:admin", "aws-admin"],
    ["j", "j-"],
    ["", "--"],
    ["zoë", "zoe-"],
    ["a".repeat(80), "a".repeat(64)],
  ])("%j → %j", (user, expected) => {
    expect(stsSessionName(user)).toBe(expected);
    expect(expected).toMatch(/^[\w+=,.@-]{2,64}$/);
  });
});
