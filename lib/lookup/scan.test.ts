import { describe, expect, it } from "vitest";
import type { CloudTrailRecord } from "../parse";
import { fail, ok, type AppError } from "../result";
import type { LookupErrorCode } from "./errors";
import { createPacer, type Pacer } from "./pacer";
import { planLookup } from "./plan";
import type { RetryPolicy } from "./retry";
import { parseRoleTarget, type RoleTarget } from "./role";
import { scanDenials, UNREAD_EVENTS_AHEAD, type PageRequest, type PageSource } from "./scan";
import { loadCatalog } from "../catalog";
import { INITIAL_LOOKUP_STATE, reduceLookup } from "../run";
import type { LookupStreamEvent } from "../wire";
import { roleRecord } from "./testing/records";
import { VirtualClock } from "./testing/virtual-clock";

const END = Date.parse("2026-11-23T12:00:00Z");
const window = { start: new Date(END - 24 * 3600_000), end: new Date(END) };
const target = (parseRoleTarget("arn:aws:iam::123456789012:role/orders-api-role") as { ok: true; value: RoleTarget })
  .value;
const policy: RetryPolicy = { attempts: 3, baseDelayMs: 500, maxDelayMs: 4000, random: () => 0 };
const PAGE_SIZE = 50;

/** `count` events in a Region, newest first, every `denyEvery`-th one a denial of the role and every 7th another role's. */
function regionEvents(region: string, count: number, denyEvery: number): CloudTrailRecord[] {
  return Array.from({ length: count }, (_, index) => {
    const time = new Date(END - (index + 1) * 60_000).toISOString();
    const denied = index % denyEvery === 0;
    const role = index % 7 === 3 ? "billing-sync-role" : "orders-api-role";
    return roleRecord({
      role,
      session: role.replace("-role", ""),
      id: `${region}-${index}`,
      time,
      region,
      // The successes are other calls: a success of the denied call would mark its denials resolved by retry.
      eventName: denied ? "Decrypt" : "Encrypt",
      errorCode: denied ? "AccessDenied" : null,
    });
  });
}

interface Call {
  request: PageRequest;
  at: number;
}

/** A CloudTrail stand-in that pages through fixed events and fails on the calls `failAt` picks. */
function pagesOf(
  events: Record<string, CloudTrailRecord[]>,
  clock: VirtualClock,
  failAt: (call: number, request: PageRequest) => AppError<LookupErrorCode> | null = () => null,
) {
  const calls: Call[] = [];
  const source: PageSource = {
    async lookupPage(request, signal) {
      await Promise.resolve();
      signal.throwIfAborted();
      calls.push({ request, at: clock.now() });
      const failure = failAt(calls.length, request);
      if (failure) return fail(failure.code, failure.message);
      const all = events[request.region] ?? [];
      const offset = Number(request.nextToken ?? 0);
      const records = all.slice(offset, offset + PAGE_SIZE);
      return ok({
        records,
        eventCount: records.length,
        nextToken: offset + PAGE_SIZE < all.length ? String(offset + PAGE_SIZE) : null,
      });
    },
  };
  return { source, calls };
}

async function run(
  events: Record<string, CloudTrailRecord[]>,
  options: { failAt?: Parameters<typeof pagesOf>[2]; signal?: AbortSignal; regions?: string[] } = {},
) {
  const clock = new VirtualClock(END);
  const { source, calls } = pagesOf(events, clock, options.failAt);
  const pacers = new Map<string, Pacer>();
  const pacerFor = (region: string) =>
    pacers.get(region) ?? pacers.set(region, createPacer({ requestsPerSecond: 2, marginMs: 10, clock })).get(region)!;
  const plan = planLookup({
    target,
    functionName: null,
    regions: options.regions ?? Object.keys(events),
    globalRegion: null,
    eventSource: null,
  });
  const streamed: LookupStreamEvent[] = [];
  for await (const event of scanDenials(
    { target, plan, window, source: "endpoint", client: "test" },
    { pages: source, pacerFor, clock, retry: policy, catalog: loadCatalog },
    options.signal ?? new AbortController().signal,
  )) {
    streamed.push(event);
  }
  return { streamed, calls, state: reduceLookup(INITIAL_LOOKUP_STATE, streamed) };
}

describe("scanDenials", () => {
  it("pages through every Region, keeps only the role's denials and groups them", async () => {
    const { streamed, calls, state } = await run({
      "us-east-1": regionEvents("us-east-1", 230, 5),
      "eu-west-1": regionEvents("eu-west-1", 60, 4),
    });
    expect(streamed[0]).toMatchObject({
      type: "start",
      source: "endpoint",
      scans: [{ region: "us-east-1" }, { region: "eu-west-1" }],
    });
    expect(calls.filter((call) => call.request.region === "us-east-1")).toHaveLength(5);
    expect(calls.filter((call) => call.request.region === "eu-west-1")).toHaveLength(2);
    const expectedDenials = [...regionEvents("us-east-1", 230, 5), ...regionEvents("eu-west-1", 60, 4)].filter(
      (record) => record.errorCode && record.userIdentity?.arn?.includes("orders-api-role/"),
    ).length;
    expect(state.done).toMatchObject({
      partial: false,
      cancelled: false,
      progress: { pagesRead: 7, eventsScanned: 290, denialsFound: expectedDenials, fraction: 1 },
    });
    expect(state.groups).toHaveLength(1);
    expect(state.groups[0]).toMatchObject({ layer: "kms-key-policy", action: "kms:Decrypt", count: expectedDenials });
    expect([...state.groups[0]!.regions].sort()).toEqual(["eu-west-1", "us-east-1"]);
    expect(state.groups[0]!.firstSeen < state.groups[0]!.lastSeen).toBe(true);
    expect(
      state.rows.every(
        (row) => row.consoleUrl?.startsWith("https://") && row.consoleUrl.includes("/cloudtrailv2/home?region="),
      ),
    ).toBe(true);
  });

  it("marks a denial that the same call's success follows as resolved by retry, seen newest first", async () => {
    const at = (minutesAgo: number) => new Date(END - minutesAgo * 60_000).toISOString();
    const call = { role: "orders-api-role", session: "orders-api", region: "us-east-1" };
    const { state } = await run({
      "us-east-1": [
        roleRecord({ ...call, id: "ok", time: at(10), errorCode: null }),
        roleRecord({ ...call, id: "retried", time: at(12) }),
        roleRecord({ ...call, id: "lasting", time: at(30) }),
      ],
    });
    const transient = state.groups.filter((group) => group.transient);
    expect(transient).toMatchObject([{ count: 1, action: "kms:Decrypt", transient: { cause: "retry" } }]);
    expect(state.groups.filter((group) => !group.transient)).toMatchObject([{ count: 1 }]);
    expect(state.rows.find((row) => row.id === "retried")?.groupKey).toBe(transient[0]?.key);
  });

  it("never starts two requests of one Region closer than the pace, and runs Regions side by side", async () => {
    const { calls } = await run({
      "us-east-1": regionEvents("us-east-1", 400, 9),
      "eu-west-1": regionEvents("eu-west-1", 400, 9),
    });
    for (const region of ["us-east-1", "eu-west-1"]) {
      const times = calls.filter((call) => call.request.region === region).map((call) => call.at);
      for (let index = 1; index < times.length; index++)
        expect(times[index]! - times[index - 1]!).toBeGreaterThanOrEqual(500);
      for (let index = 2; index < times.length; index++)
        expect(times[index]! - times[index - 2]!).toBeGreaterThanOrEqual(1010);
    }
    expect(calls[1]?.at).toBe(calls[0]?.at);
  });

  it("retries throttling through the pacer and reports it", async () => {
    const { calls, state } = await run(
      { "us-east-1": regionEvents("us-east-1", 120, 3) },
      { failAt: (call) => (call === 2 || call === 3 ? { code: "lookup.throttled", message: "Rate exceeded" } : null) },
    );
    expect(calls).toHaveLength(5);
    expect(calls.map((call) => call.request.nextToken)).toEqual([null, "50", "50", "50", "100"]);
    expect(state.done).toMatchObject({ partial: false, progress: { retries: 2, eventsScanned: 120 } });
  });

  it("keeps what it found when a Region's page keeps failing, and finishes the other Regions", async () => {
    const failing = (call: number, request: PageRequest) =>
      request.region === "eu-west-1" && request.nextToken === "50"
        ? { code: "lookup.unavailable" as const, message: "CloudTrail answered 503." }
        : null;
    const { state } = await run(
      { "us-east-1": regionEvents("us-east-1", 120, 3), "eu-west-1": regionEvents("eu-west-1", 120, 3) },
      { failAt: failing },
    );
    expect(state.notices).toEqual([
      {
        code: "lookup.unavailable",
        message: "Stopped reading eu-west-1: CloudTrail answered 503. Denials found before that are kept.",
      },
    ]);
    expect(state.done).toMatchObject({ partial: true, progress: { pagesRead: 4, eventsScanned: 170 } });
    expect(state.groups[0]?.regions).toEqual(expect.arrayContaining(["us-east-1", "eu-west-1"]));
    expect(state.error).toBeNull();
  });

  it("stops everything on an error no Region can escape, keeping earlier results", async () => {
    const { streamed, calls, state } = await run(
      { "us-east-1": regionEvents("us-east-1", 500, 3) },
      { failAt: (call) => (call === 3 ? { code: "lookup.expired-credentials", message: "expired" } : null) },
    );
    expect(calls).toHaveLength(3);
    expect(streamed.at(-2)).toEqual({ type: "error", code: "lookup.expired-credentials", message: "expired" });
    expect(state.done).toMatchObject({ partial: true, progress: { pagesRead: 2 } });
    expect(state.groups[0]?.count).toBeGreaterThan(0);
  });

  it("reads a refusal in one Region, after another answered, as that Region's restriction", async () => {
    const failing = (_call: number, request: PageRequest) =>
      request.region === "eu-west-1" && request.nextToken === "50"
        ? { code: "lookup.denied" as const, message: "denied" }
        : null;
    const { state } = await run(
      { "us-east-1": regionEvents("us-east-1", 120, 3), "eu-west-1": regionEvents("eu-west-1", 120, 3) },
      { failAt: failing },
    );
    expect(state.error).toBeNull();
    expect(state.notices[0]?.message).toMatch(
      /^Stopped reading eu-west-1: CloudTrail refused LookupEvents there although other Regions answered: an SCP or a Region restriction/,
    );
    expect(state.done).toMatchObject({ partial: true, progress: { eventsScanned: 170 } });
  });

  it("stops fetching pages while the reader does not read, and resumes when it does", async () => {
    const clock = new VirtualClock(END);
    const { source, calls } = pagesOf({ "us-east-1": regionEvents("us-east-1", 5000, 1) }, clock);
    const plan = planLookup({
      target,
      functionName: null,
      regions: ["us-east-1"],
      globalRegion: null,
      eventSource: null,
    });
    const pacer = createPacer({ requestsPerSecond: 2, marginMs: 10, clock });
    const events = scanDenials(
      { target, plan, window, source: "endpoint", client: "test" },
      { pages: source, pacerFor: () => pacer, clock, retry: policy, catalog: loadCatalog },
      new AbortController().signal,
    );
    await events.next();
    const settle = async () => {
      for (let turn = 0; turn < 500; turn++) await new Promise((resolve) => setImmediate(resolve));
    };
    await settle();
    const whileUnread = calls.length;
    expect(whileUnread).toBeLessThanOrEqual(Math.ceil(UNREAD_EVENTS_AHEAD / PAGE_SIZE) + 1);
    let read = 0;
    for (let next = await events.next(); !next.done; next = await events.next()) read++;
    expect(calls).toHaveLength(100);
    expect(read).toBeGreaterThan(UNREAD_EVENTS_AHEAD);
  });

  it("stops requesting as soon as it is cancelled", async () => {
    const controller = new AbortController();
    const failAt = (call: number) => {
      if (call === 4) controller.abort(new Error("user cancelled"));
      return null;
    };
    const { calls, state } = await run(
      { "us-east-1": regionEvents("us-east-1", 2000, 3) },
      { failAt, signal: controller.signal },
    );
    expect(calls).toHaveLength(4);
    expect(state.done).toMatchObject({ cancelled: true, partial: true });
  });

  it("estimates progress from how far back in the window it has read", async () => {
    const { streamed } = await run({ "us-east-1": regionEvents("us-east-1", 1440, 50) });
    const fractions = streamed.flatMap((event) => (event.type === "progress" ? [event.progress.fraction] : []));
    expect(fractions[0]).toBeCloseTo(50 / 1440, 2);
    expect(fractions.every((fraction, index) => index === 0 || fraction >= fractions[index - 1]!)).toBe(true);
    expect(fractions.at(-1)).toBe(1);
  });

  it("estimates the time left from the slowest Region, not from one that finished at once", async () => {
    const { streamed } = await run({
      "us-east-1": regionEvents("us-east-1", 1440, 50),
      "eu-west-1": regionEvents("eu-west-1", 10, 5),
    });
    const usEast = streamed.flatMap((event) =>
      event.type === "progress" && event.progress.pagesRead >= 11 ? [event.progress] : [],
    );
    const tenPagesIn = usEast[0]!;
    const pagesLeft = Math.ceil(1440 / 50) - (tenPagesIn.pagesRead - 1);
    expect(tenPagesIn.etaSeconds).toBeGreaterThan(pagesLeft * 0.5 * 0.75);
    expect(tenPagesIn.etaSeconds).toBeLessThan(pagesLeft * 0.5 * 1.25);
  });
});
