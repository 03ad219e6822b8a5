import { expect, test } from "@playwright/test";
import { LOAD_FUNCTION, LOAD_REGION, LOAD_ROLE_ARN, ceilingShare } from "@/lib/local-aws/testing/replica-load";
import { streamEventSchema } from "@/lib/wire";
import { REPLICA_EVENTS, REPLICA_PORTS } from "./ports";
import { localCloudTrail } from "./support/cloudtrail";

/** LookupEvents' budget, which the replicas' shared pacer keeps to (WHYDENIED_LOOKUP_RATE's default). */
const RATE = 2;

test("two replicas on one PostgreSQL share one LookupEvents budget: no throttling, never above the ceiling", async ({
  request,
}) => {
  test.setTimeout(90_000);
  await localCloudTrail.reset(request);
  const lookups = REPLICA_PORTS.map(async (port) => {
    const response = await request.post(`http://127.0.0.1:${port}/api/lookup`, {
      data: {
        roleArn: LOAD_ROLE_ARN,
        functionName: LOAD_FUNCTION,
        regions: [LOAD_REGION],
        includeGlobalRegion: false,
        window: { hours: 24 },
      },
      timeout: 80_000,
    });
    expect(response.status()).toBe(200);
    const events = (await response.text())
      .split("\n")
      .filter(Boolean)
      .map((line) => streamEventSchema.parse(JSON.parse(line)));
    expect(events.filter((event) => event.type === "notice" || event.type === "error")).toEqual([]);
    const done = events.find((event) => event.type === "done");
    if (done?.type !== "done") throw new Error(`the lookup on port ${port} did not finish`);
    return done.progress;
  });
  const progress = await Promise.all(lookups);
  for (const run of progress)
    expect(run).toMatchObject({ eventsScanned: REPLICA_EVENTS, retries: 0, denialsFound: REPLICA_EVENTS / 100 });

  const stats = await localCloudTrail.stats(request);
  expect(stats.throttled).toBe(0);
  expect(stats.served).toMatchObject({ pages: (2 * REPLICA_EVENTS) / 50, events: 2 * REPLICA_EVENTS });
  const share = ceilingShare(stats.served, RATE);
  // How close to the ceiling the replicas get is a figure of the machine: `npm run bench -- portal` measures it.
  test.info().annotations.push({ type: "ceiling share", description: share.toFixed(3) });
  // Never above the ceiling: two processes each pacing on its own would have reached twice it, and been throttled.
  expect(share).toBeLessThanOrEqual(1);
});
