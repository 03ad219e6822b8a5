import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { loadCatalog } from "../catalog";
import { startLocalAws, trailRecordSchema, type Fault, type LocalAws } from "../local-aws";
import { HeldClock } from "../local-aws/testing/held-clock";
import {
  DEFAULT_RETRY,
  createPacer,
  parseRoleTarget,
  planLookup,
  scanDenials,
  type Pacer,
  type RoleTarget,
} from "../lookup";
import { roleRecord } from "../lookup/testing/records";
import { VirtualClock } from "../lookup/testing/virtual-clock";
import type { CloudTrailRecord } from "../parse";
import { INITIAL_LOOKUP_STATE, reduceLookup, type LookupState } from "../run";
import { cloudTrailPages } from "./page-source";

/**
 * The fault suite: lookups through the real SDK client and the app's page source and scan, against the local
 * endpoint injecting faults. Each must end with `done` (a partial one, with a notice, when a Region gives up) and keep
 * every denial it had found. Nothing waits on the wall clock: pacing and retries run on a virtual clock, and the
 * endpoint's delays and the pages' deadline on a held clock the test moves.
 */

const START = Date.parse("2026-11-23T12:00:00Z");
const REGIONS = ["us-east-1", "eu-west-1"];
const EVENTS_PER_REGION = 240;
const DENY_EVERY = 4;
const PAGE_SIZE = 50;
const DEADLINE_MS = 30_000;
const RETRY = { ...DEFAULT_RETRY, attempts: 3, baseDelayMs: 100, maxDelayMs: 400, random: () => 0.5 };
const target = (parseRoleTarget("arn:aws:iam::123456789012:role/orders-api-role") as { ok: true; value: RoleTarget })
  .value;

/** Newest first, as LookupEvents pages them: every DENY_EVERY-th event a denial of the role. */
function regionEvents(region: string): CloudTrailRecord[] {
  return Array.from({ length: EVENTS_PER_REGION }, (_, index) =>
    roleRecord({
      role: "orders-api-role",
      session: "orders-api",
      id: `${region}-${index}`,
      time: new Date(START - (index + 1) * 60_000).toISOString(),
      region,
      errorCode: index % DENY_EVERY === 0 ? "AccessDenied" : null,
    }),
  );
}

/** The ids of the denials among a Region's newest `pages` pages. */
function denialIds(region: string, pages = Infinity): string[] {
  return regionEvents(region)
    .slice(0, pages * PAGE_SIZE)
    .filter((record) => record.errorCode)
    .map((record) => record.eventID!);
}

/** The endpoint's delays and the pages' deadline run on this clock, which only the tests move. */
const heldClock = new HeldClock(START);
let endpoint: LocalAws;

beforeAll(async () => {
  endpoint = await startLocalAws({
    events: REGIONS.flatMap(regionEvents).map((record) => trailRecordSchema.parse(record)),
    ratePerSecond: Number.POSITIVE_INFINITY,
    clock: heldClock,
  });
});
beforeEach(() => endpoint.reset());
afterAll(async () => {
  await endpoint.close();
});

/** One lookup of `regions` over the last day, streamed to the end and folded into what the page would show. */
async function lookup(regions = REGIONS): Promise<LookupState> {
  const clock = new VirtualClock(START);
  const pacers = new Map<string, Pacer>();
  const pacerFor = (region: string) => {
    const pacer = pacers.get(region) ?? createPacer({ requestsPerSecond: 2, marginMs: 10, clock });
    pacers.set(region, pacer);
    return pacer;
  };
  const pages = cloudTrailPages(
    { endpoint: endpoint.url, credentials: { accessKeyId: "test", secretAccessKey: "test" } },
    { clock: heldClock, timeoutMs: DEADLINE_MS },
  );
  const plan = planLookup({ target, functionName: null, regions, globalRegion: null, eventSource: null });
  const window = { start: new Date(START - 24 * 3600_000), end: new Date(START) };
  const events = scanDenials(
    { target, plan, window, source: "endpoint", client: "fault-suite" },
    { pages, pacerFor, clock, retry: RETRY, catalog: loadCatalog },
    new AbortController().signal,
  );
  const streamed = [];
  for await (const event of events) streamed.push(event);
  return reduceLookup(INITIAL_LOOKUP_STATE, streamed);
}

const foundIds = (state: LookupState) => state.rows.map((row) => row.id).sort();
const every = (regions: string[]) => regions.flatMap((region) => denialIds(region)).sort();

/** Resolves once the endpoint holds a request for `ms` (the pages' deadlines are sleeps on the same clock). */
async function heldForMs(ms: number): Promise<void> {
  while ((await heldClock.nextSleep()) !== ms);
}

describe("a lookup under injected faults", () => {
  it.each<[string, Fault[]]>([
    ["a throttling burst", [{ times: 2, code: "ThrottlingException" }]],
    [
      "5xx answers",
      [
        { times: 2, status: 503 },
        { times: 1, status: 500 },
      ],
    ],
    ["dropped connections", [{ times: 2, connection: "drop" }]],
    ["malformed JSON", [{ times: 2, body: "malformed-json" }]],
    ["a 502 with a body that is not JSON", [{ times: 1, status: 502, body: "malformed-json" }]],
    [
      "every kind at once, mid-scan",
      [
        { times: 1, code: "ThrottlingException", after: 1 },
        { times: 1, connection: "drop", after: 1 },
        { times: 1, body: "malformed-json", after: 1 },
        { times: 1, status: 504, after: 1 },
      ],
    ],
  ])("rides out %s with retries and loses nothing", async (_, faults) => {
    for (const fault of faults) endpoint.faults.inject(fault);
    const state = await lookup();
    expect(state.done).toMatchObject({ partial: false, cancelled: false });
    expect(state.done!.progress.retries).toBe(faults.reduce((sum, fault) => sum + fault.times, 0));
    expect(state.notices).toEqual([]);
    expect(foundIds(state)).toEqual(every(REGIONS));
  });

  it("stops a Region that keeps failing after two pages, with a notice, keeping what it found there and elsewhere", async () => {
    endpoint.faults.inject({ times: 50, connection: "drop", region: "us-east-1", after: 2 });
    const state = await lookup();
    expect(state.done).toMatchObject({ partial: true, cancelled: false });
    expect(state.notices).toEqual([
      {
        code: "lookup.unavailable",
        message: expect.stringMatching(/^Stopped reading us-east-1: .*Denials found before that are kept\.$/) as string,
      },
    ]);
    expect(foundIds(state)).toEqual([...denialIds("us-east-1", 2), ...denialIds("eu-west-1")].sort());
    expect(state.done!.progress.denialsFound).toBe(foundIds(state).length);
  });

  it("waits out a slow answer that comes before the deadline", async () => {
    endpoint.faults.inject({ times: 1, delayMs: DEADLINE_MS - 1, region: "eu-west-1", after: 1 });
    const running = lookup();
    await heldForMs(DEADLINE_MS - 1);
    heldClock.advance(DEADLINE_MS - 1);
    const state = await running;
    expect(state.done).toMatchObject({ partial: false, progress: { retries: 0 } });
    expect(foundIds(state)).toEqual(every(REGIONS));
  });

  // One Region only from here: moving the held clock by a deadline would cut off another Region's page in flight too.
  it("cuts off an answer that never comes at the deadline and asks again", async () => {
    endpoint.faults.inject({ times: 1, delayMs: 600_000 });
    const running = lookup(["eu-west-1"]);
    await heldForMs(600_000);
    heldClock.advance(DEADLINE_MS);
    const state = await running;
    expect(state.done).toMatchObject({ partial: false, progress: { retries: 1 } });
    expect(foundIds(state)).toEqual(every(["eu-west-1"]));
    await vi.waitFor(() => expect(endpoint.stats().abandoned).toBe(1));
  });

  it("gives up on a Region whose answers stop coming, keeping the denials of the pages it read", async () => {
    endpoint.faults.inject({ times: RETRY.attempts, delayMs: 600_000, after: 1 });
    const running = lookup(["eu-west-1"]);
    for (let attempt = 0; attempt < RETRY.attempts; attempt++) {
      await heldForMs(600_000);
      heldClock.advance(DEADLINE_MS);
    }
    const state = await running;
    expect(state.done).toMatchObject({ partial: true, cancelled: false });
    expect(state.notices.map((notice) => notice.message)).toEqual([
      "Stopped reading eu-west-1: CloudTrail in eu-west-1 did not answer within 30 s. Denials found before that are kept.",
    ]);
    expect(foundIds(state)).toEqual(denialIds("eu-west-1", 1).sort());
  });

  it("reads 11 Regions through faults in each without a MaxListenersExceededWarning", async () => {
    const regions = ["us-east-1", "us-east-2", "us-west-1", "us-west-2", "eu-west-1", "eu-west-2", "eu-west-3"];
    regions.push("eu-central-1", "eu-north-1", "ap-south-1", "ap-northeast-1");
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => {
      if (warning.name === "MaxListenersExceededWarning") warnings.push(warning);
    };
    process.on("warning", onWarning);
    try {
      for (const region of regions) {
        endpoint.faults.inject({ times: 1, code: "ThrottlingException", region });
        endpoint.faults.inject({ times: 1, connection: "drop", region });
      }
      const state = await lookup(regions);
      expect(state.done).toMatchObject({ partial: false, progress: { retries: 2 * regions.length } });
      expect(foundIds(state)).toEqual(every(REGIONS));
      // Node reports the warning on a later turn of the event loop.
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings).toEqual([]);
    } finally {
      process.off("warning", onWarning);
    }
  });
});
