import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { sharedClientLimiter } from "../http";
import { HeldClock } from "../local-aws/testing/held-clock";
import { createSharedPacer, type TurnDecision } from "../lookup";
import { VirtualClock } from "../lookup/testing/virtual-clock";
import { SealedSessionCredentialCache } from "../portal/credentials";
import { RateLimiter, sharedRateLimit } from "../snapshot";
import { openStore, type Store } from ".";
import { postgresTestStore, type TestStore } from "./testing/stores";

const SECRET = "a-test-secret-of-at-least-32-characters";

/** Two replicas: two stores, each with its own connection pool, on one PostgreSQL server. */
let server: TestStore;
let replicaA: Store;
let replicaB: Store;

async function opened(test: TestStore): Promise<Store> {
  const result = await openStore(test.config);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** Runs a query outside the store's code, to see what the database holds. */
async function rawRows(query: string): Promise<Record<string, unknown>[]> {
  if (server.config.kind !== "postgres") throw new Error("PostgreSQL only");
  const client = new pg.Client({ connectionString: server.config.url });
  await client.connect();
  try {
    return (await client.query<Record<string, unknown>>(query)).rows;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  server = await postgresTestStore();
  replicaA = await opened(server);
  replicaB = await opened(server);
}, 60_000);

afterAll(async () => {
  await replicaA?.close();
  await replicaB?.close();
  server?.dispose();
});

describe("the shared LookupEvents ledger on PostgreSQL", () => {
  const takeAt =
    (at: number): ((recent: unknown[]) => TurnDecision) =>
    () => ({ take: true, at });

  it("gives one turn to one replica when both ask at the same instant", async () => {
    const asks = Array.from({ length: 6 }, (_, index) =>
      (index % 2 ? replicaA : replicaB).shared.pacerTurns.take("race us-east-1", 1_000, 35_000, (recent) =>
        recent.length === 0 ? { take: true, at: 1_000 } : { take: false, waitMs: 500 },
      ),
    );
    const outcomes = await Promise.all(asks);
    expect(outcomes.filter((outcome) => outcome.taken)).toHaveLength(1);
    expect(outcomes.filter((outcome) => !outcome.taken)).toHaveLength(5);
  });

  it("shows each replica the other's turns, newest first, with the answers as they come back", async () => {
    const budget = "answers us-east-1";
    const first = await replicaA.shared.pacerTurns.take(budget, 10_000, 35_000, takeAt(10_000));
    if (!first.taken) throw new Error("not taken");
    await replicaA.shared.pacerTurns.finish(first.turnId, 10_040);
    let seen: unknown[] = [];
    // Booked ahead: it starts at 10,500 though it was taken at 10,100.
    await replicaB.shared.pacerTurns.take(budget, 10_100, 35_000, (recent) => {
      seen = recent;
      return { take: true, at: 10_500 };
    });
    await replicaB.shared.pacerTurns.take(budget, 11_050, 35_000, (recent) => {
      seen = recent;
      return { take: false, waitMs: 10 };
    });
    expect(seen).toEqual([
      { startedAt: 10_500, finishedAt: null, leaseUntil: 45_500 },
      { startedAt: 10_000, finishedAt: 10_040, leaseUntil: 45_000 },
    ]);
  });

  it("paces two replicas' lookups as one budget", async () => {
    const clock = new VirtualClock(100_000);
    const options = {
      budget: "paced us-east-1",
      requestsPerSecond: 2,
      marginMs: 10,
      pollMs: 20,
      leaseMs: 35_000,
      clock,
    };
    const pacers = [replicaA, replicaB].map((replica) =>
      createSharedPacer({
        ...options,
        ledger: replica.shared.pacerTurns,
        onFinishError: (error) => {
          throw error;
        },
      }),
    );
    for (let index = 0; index < 6; index++) {
      const slot = await pacers[index % 2]!.acquire();
      clock.advance(30);
      slot.finished();
      // The answer is written in the background; the next replica must see it, as it would a second later.
      await vi.waitFor(async () =>
        expect(
          await rawRows("select 1 from pacer_turns where budget = 'paced us-east-1' and finished_at is null"),
        ).toEqual([]),
      );
    }
    const rows = await rawRows(
      "select started_at from pacer_turns where budget = 'paced us-east-1' order by started_at",
    );
    const starts = rows.map((row) => (row.started_at as Date).getTime() - 100_000);
    // Each answer takes 30 ms: the window after it, not the spacing, decides every other start.
    expect(starts).toEqual([0, 500, 1_040, 1_540, 2_080, 2_580]);
  });

  it("forgets turns too old to matter", async () => {
    const budget = "pruned us-east-1";
    for (const now of [0, 1_000, 2_000, 3_000, 600_000])
      await replicaA.shared.pacerTurns.take(budget, now, 35_000, takeAt(now));
    const rows = await rawRows(`select started_at from pacer_turns where budget = '${budget}'`);
    expect(rows).toHaveLength(1);
  });
});

describe("the shared snapshot rate limit on PostgreSQL", () => {
  const POLICY = { burst: 3, refillPerMinute: 6, maxAddresses: 10 };

  it("draws both replicas' snapshots from one bucket, with the same answers as one process's limiter", async () => {
    const limits = [replicaA, replicaB].map((replica) =>
      sharedRateLimit(replica.shared.rateBuckets, "snapshots", POLICY),
    );
    const alone = new RateLimiter(POLICY);
    const times = [0, 0, 0, 0, 4_000, 10_000, 10_000];
    const shared = [];
    for (const [index, now] of times.entries()) shared.push(await limits[index % 2]!.take("10.0.0.1", now));
    expect(shared).toEqual(times.map((now) => alone.take("10.0.0.1", now)));
    expect(shared[3]).toEqual({ allowed: false, retryAfterSeconds: 10 });
  });

  it("keeps a row only while the bucket is not full again", async () => {
    const limit = sharedRateLimit(replicaA.shared.rateBuckets, "idle", POLICY);
    await limit.take("10.0.0.2", 0);
    await limit.take("10.0.0.3", 31_000);
    expect(await rawRows("select key from rate_buckets where key like 'idle %'")).toEqual([{ key: "idle 10.0.0.3" }]);
  });
});

describe("shared client slots on PostgreSQL", () => {
  it("counts a client's running work over both replicas", async () => {
    const now = new Date(1_000_000);
    const lease = new Date(1_030_000);
    const { clientSlots: slotsA } = replicaA.shared;
    const { clientSlots: slotsB } = replicaB.shared;
    const first = await slotsA.tryEnter("lookup", "10.0.0.1", 2, now, lease);
    expect(await slotsB.tryEnter("lookup", "10.0.0.1", 2, now, lease)).not.toBeNull();
    expect(await slotsA.tryEnter("lookup", "10.0.0.1", 2, now, lease)).toBeNull();
    expect(await slotsB.tryEnter("upload", "10.0.0.1", 2, now, lease)).not.toBeNull();
    expect(await slotsB.tryEnter("lookup", "10.0.0.2", 2, now, lease)).not.toBeNull();
    await slotsA.release(first!);
    expect(await slotsB.tryEnter("lookup", "10.0.0.1", 2, now, lease)).not.toBeNull();
  });

  it("gives a killed replica's places back when their leases lapse", async () => {
    const { clientSlots: slotsA } = replicaA.shared;
    const { clientSlots: slotsB } = replicaB.shared;
    await slotsA.tryEnter("lookup", "killed", 1, new Date(0), new Date(30_000));
    expect(await slotsB.tryEnter("lookup", "killed", 1, new Date(29_999), new Date(59_999))).toBeNull();
    expect(await slotsB.tryEnter("lookup", "killed", 1, new Date(30_000), new Date(60_000))).not.toBeNull();
  });

  it("keeps a running replica's place by renewing its lease, and frees it once on release", async () => {
    const clock = new HeldClock(0);
    const limiter = sharedClientLimiter({
      slots: replicaA.shared.clientSlots,
      kind: "upload",
      max: 1,
      clock,
      leaseMs: 30_000,
      onError: (error) => {
        throw error;
      },
    });
    const release = await limiter.tryEnter("renewed");
    clock.advance(10_000);
    await vi.waitFor(async () =>
      expect(await rawRows("select lease_until from client_slots where client = 'renewed'")).toEqual([
        { lease_until: new Date(40_000) },
      ]),
    );
    expect(
      await replicaB.shared.clientSlots.tryEnter("upload", "renewed", 1, new Date(35_000), new Date(65_000)),
    ).toBeNull();
    release!();
    release!();
    await vi.waitFor(async () =>
      expect(await rawRows("select 1 from client_slots where client = 'renewed'")).toEqual([]),
    );
    expect(clock.pendingSleeps).toBe(0);
  });
});

describe("the shared session-credential cache on PostgreSQL", () => {
  const CREDENTIALS = {
    accessKeyId: "ASIAEXAMPLE000000001",
    secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    sessionToken: "FwoGZXIvYXdzEXAMPLESESSIONTOKEN",
    expiresAt: 3_600_000,
  };
  const KEY = JSON.stringify(["222222222222", "arn:aws:iam::222222222222:role/whydenied-reader", "alice@example.com"]);

  it("lets one replica use the session another assumed, kept encrypted and named without the user", async () => {
    const now = () => 0;
    await new SealedSessionCredentialCache(replicaA.shared.sessionCredentials, SECRET, now).set(KEY, CREDENTIALS);
    const cacheB = new SealedSessionCredentialCache(replicaB.shared.sessionCredentials, SECRET, now);
    expect(await cacheB.get(KEY, 1_000)).toEqual(CREDENTIALS);
    expect(await cacheB.get(KEY, 3_600_000)).toBeNull();
    const stored = JSON.stringify(await rawRows("select * from session_credentials"));
    for (const clear of [CREDENTIALS.secretAccessKey, CREDENTIALS.sessionToken, CREDENTIALS.accessKeyId, "alice"])
      expect(stored).not.toContain(clear);
  });

  it("finds nothing under another secret, and treats a row moved to another's name as a miss", async () => {
    const now = () => 0;
    const cache = new SealedSessionCredentialCache(replicaA.shared.sessionCredentials, SECRET, now);
    const rotated = new SealedSessionCredentialCache(replicaB.shared.sessionCredentials, `${SECRET}-rotated`, now);
    expect(await rotated.get(KEY, 0)).toBeNull();
    await cache.set("bob", { ...CREDENTIALS, accessKeyId: "ASIABOB" });
    await rawRows("update session_credentials set sealed = (select min(sealed) from session_credentials)");
    const found = [await cache.get(KEY, 0), await cache.get("bob", 0)];
    expect(found.filter((credentials) => credentials === null)).toHaveLength(1);
  });

  it("deletes expired sessions as new ones are saved", async () => {
    const cache = new SealedSessionCredentialCache(replicaA.shared.sessionCredentials, SECRET, () => 4_000_000);
    await cache.set("fresh", { ...CREDENTIALS, expiresAt: 8_000_000 });
    expect(await rawRows("select expires_at from session_credentials")).toEqual([{ expires_at: new Date(8_000_000) }]);
  });
});
