import { DEFAULT_RETRY, planLookup, parseRoleTarget, scanDenials, systemClock, type RoleTarget } from "../lib/lookup";
import { cloudTrailPages, pacerFor } from "../lib/cloudtrail";
import { loadCatalog } from "../lib/catalog";
import type { LookupProgress } from "../lib/wire";
import { seedDemoEvents } from "../lib/demo";
import { startLocalAws, type LocalAws } from "../lib/local-aws";
import { tableRow, type BenchSection } from "./report";

/** The API's ceiling: 2 LookupEvents requests per second per Region, 50 events each. */
const CEILING_EVENTS_PER_SECOND = 2 * 50;
const TARGET = 0.95;
const RATE = 2;

const REGION = "us-east-1";

interface Run {
  scenario: string;
  pages: number;
  events: number;
  retries: number;
  seconds: number;
  notices: number;
  throttledAtServer: number;
}

/** One whole lookup of the week in us-east-1 through the real SDK client and the app's pacer. */
async function lookup(endpoint: LocalAws, role: string, now: Date, pacerKey: string) {
  const target = (parseRoleTarget(role) as { ok: true; value: RoleTarget }).value;
  const plan = planLookup({ target, functionName: null, regions: [REGION], globalRegion: null, eventSource: null });
  const pages = cloudTrailPages({
    endpoint: endpoint.url,
    credentials: { accessKeyId: "AKIABENCHMARK0000000", secretAccessKey: "bench" },
  });
  const window = { start: new Date(now.getTime() - 7 * 24 * 3600_000), end: now };
  let progress: LookupProgress | null = null;
  let notices = 0;
  const events = scanDenials(
    { target, plan, window, source: "endpoint", client: role },
    {
      pages,
      pacerFor: (region) => pacerFor(pacerKey, region, RATE),
      clock: systemClock,
      retry: DEFAULT_RETRY,
      catalog: loadCatalog,
    },
    new AbortController().signal,
  );
  for await (const event of events) {
    if (event.type === "notice" || event.type === "error") notices++;
    if (event.type === "done") progress = event.progress;
  }
  if (!progress) throw new Error("the lookup did not finish");
  return { progress, notices };
}

/** `roles.length` lookups of one Region at once, sharing its pacer as concurrent users of a portal do. */
async function measure(endpoint: LocalAws, scenario: string, roles: string[], now: Date): Promise<Run> {
  endpoint.reset();
  const started = performance.now();
  const results = await Promise.all(roles.map((role) => lookup(endpoint, role, now, scenario)));
  const seconds = (performance.now() - started) / 1000;
  const sum = (pick: (result: (typeof results)[number]) => number) =>
    results.reduce((total, result) => total + pick(result), 0);
  return {
    scenario,
    pages: sum((result) => result.progress.pagesRead),
    events: sum((result) => result.progress.eventsScanned),
    retries: sum((result) => result.progress.retries),
    seconds,
    notices: sum((result) => result.notices),
    throttledAtServer: endpoint.stats().throttled,
  };
}

function row(run: Run): string {
  const eventsPerSecond = run.events / run.seconds;
  const efficiency = eventsPerSecond / CEILING_EVENTS_PER_SECOND;
  const verdict = efficiency >= TARGET && run.throttledAtServer === 0 && run.notices === 0 ? "met" : "not met";
  return tableRow([
    run.scenario,
    run.pages,
    run.events.toLocaleString("en"),
    run.seconds.toFixed(1),
    eventsPerSecond.toFixed(1),
    `**${efficiency.toFixed(3)}**`,
    run.throttledAtServer,
    run.retries,
    run.notices,
    verdict,
  ]);
}

export const lookupEfficiencySection: BenchSection = {
  id: "lookup",
  async run() {
    const now = new Date();
    const endpoint = await startLocalAws({ events: seedDemoEvents({ now, days: 7 }), ratePerSecond: RATE });
    const scenarios = [
      { name: "one lookup", roles: ["arn:aws:iam::123456789012:role/billing-sync-role"] },
      {
        name: "two lookups at once, one Region",
        roles: ["arn:aws:iam::123456789012:role/billing-sync-role", "arn:aws:iam::123456789012:role/reports-fn-role"],
      },
    ];
    try {
      const runs: Run[] = [];
      for (const scenario of scenarios) {
        console.log(`${scenario.name}: a week of ${REGION} at ${RATE} requests/s…`);
        const run = await measure(endpoint, scenario.name, scenario.roles, now);
        console.log(row(run));
        runs.push(run);
      }
      return `## CloudTrail lookup: how close to the API's limit

Measured on ${now.toISOString().slice(0, 10)} with \`npm run bench -- lookup\`.

Role lookups with no function name (so every event of the week in ${REGION} is read and filtered), through the app's own
path: \`scanDenials\` with the real \`@aws-sdk/client-cloudtrail\` client (\`lib/cloudtrail/page-source.ts\`, SDK
retries off) and the app's per-Region pacer, against the local CloudTrail endpoint (\`lib/local-aws\`, a real HTTP
server on 127.0.0.1) serving the seeded demo week and enforcing LookupEvents' limit of ${RATE} requests per second per
Region with real \`ThrottlingException\` answers. Efficiency is events scanned per second divided by the API's ceiling
of ${CEILING_EVENTS_PER_SECOND} events/s per Region (2 requests × 50 events); target ≥ ${TARGET} with no throttling
surfaced. The second row runs two lookups of the same Region at once: they share the Region's pacer, as concurrent users
of one server do, so together they still stay under the limit.

| scenario | pages | events | seconds | events/s | efficiency | throttled (server) | retries | notices | target |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |
${runs.map(row).join("\n")}

The last page of each lookup is partly empty, and the pacer waits a full second plus 10 ms after each answer before the
request two turns later (so a slow arrival can never put three requests in the server's one-second window): both cost a
little of the ceiling.`;
    } finally {
      await endpoint.close();
    }
  },
};
