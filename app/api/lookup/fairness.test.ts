import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { seedDemoEvents } from "@/lib/demo";
import { startLocalAws, type LocalAws } from "@/lib/local-aws";
import { INITIAL_LOOKUP_STATE, reduceLookup } from "@/lib/run";
import { apiErrorSchema } from "@/lib/wire";
import { BUSY_RETRY_AFTER_SECONDS, MAX_LOOKUPS_PER_CLIENT } from "../client-slots";
import { readEvents } from "../testing/ndjson";
import { POST } from "./route";

let endpoint: LocalAws;
const savedEnv = { ...process.env };

/** A lookup as it reaches the app through one reverse proxy, which appended the client's address. */
function lookup(body: Record<string, unknown>, clientAddress: string, spoofed = "192.0.2.99"): Promise<Response> {
  return POST(
    new Request("http://127.0.0.1/api/lookup", {
      method: "POST",
      body: JSON.stringify(body),
      headers: { "content-type": "application/json", "x-forwarded-for": `${spoofed}, ${clientAddress}` },
    }),
  );
}

/** Every event of a week in us-east-1: some 70 pages, far longer than any other lookup here. */
const LONG = {
  roleArn: "arn:aws:iam::123456789012:role/orders-api-role",
  functionName: null,
  regions: ["us-east-1"],
  includeGlobalRegion: false,
  window: { hours: 7 * 24 },
};

/** A few pages of the same Region. */
const SHORT = { ...LONG, roleArn: "arn:aws:iam::123456789012:role/reports-fn-role", window: { hours: 6 } };

/** Reads a streamed answer in the background until the test stops it. */
function drain(response: Response) {
  const reader = response.body!.getReader();
  const state = { finished: false };
  const reading = (async () => {
    while (!(await reader.read()).done);
    state.finished = true;
  })();
  return { state, stop: () => reader.cancel().then(() => reading) };
}

beforeAll(async () => {
  endpoint = await startLocalAws({ events: seedDemoEvents({ now: new Date() }) });
});

beforeEach(() => {
  endpoint.reset();
  process.env = {
    ...savedEnv,
    WHYDENIED_CLOUDTRAIL_ENDPOINT: endpoint.url,
    WHYDENIED_TRUSTED_PROXIES: "1",
    AWS_ACCESS_KEY_ID: "test",
    AWS_SECRET_ACCESS_KEY: "test",
    AWS_EC2_METADATA_DISABLED: "true",
  };
});

afterAll(async () => {
  process.env = savedEnv;
  await endpoint.close();
});

describe("POST /api/lookup with many Regions and many clients", () => {
  it("reads 11 Regions side by side and logs no MaxListenersExceededWarning", async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => {
      if (warning.name === "MaxListenersExceededWarning") warnings.push(warning);
    };
    process.on("warning", onWarning);
    try {
      const regions = ["eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1", "eu-north-1", "us-east-2"];
      regions.push("us-west-1", "us-west-2", "ap-south-1", "ap-northeast-1");
      const body = { ...SHORT, regions, includeGlobalRegion: true };
      const state = reduceLookup(INITIAL_LOOKUP_STATE, await readEvents(await lookup(body, "203.0.113.5")));
      expect(state.start?.scans).toHaveLength(11);
      expect(state.done).toMatchObject({ partial: false, cancelled: false });
      expect(Object.keys(endpoint.stats().byRegion)).toHaveLength(11);
      // Node reports the warning on a later turn of the event loop.
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings).toEqual([]);
    } finally {
      process.off("warning", onWarning);
    }
  });

  it("refuses a client past its lookups with 429 and Retry-After, and serves another client in turn meanwhile", async () => {
    const busy = "203.0.113.10";
    const running = [];
    for (let index = 0; index < MAX_LOOKUPS_PER_CLIENT; index++) {
      const response = await lookup(LONG, busy, `192.0.2.${index}`);
      expect(response.status).toBe(200);
      running.push(drain(response));
    }
    try {
      const refused = await lookup(LONG, busy, "192.0.2.200");
      expect(refused.status).toBe(429);
      expect(refused.headers.get("retry-after")).toBe(String(BUSY_RETRY_AFTER_SECONDS));
      expect(apiErrorSchema.parse(await refused.json())).toMatchObject({ code: "request.too-many-concurrent" });

      const before = endpoint.stats().requests;
      const other = reduceLookup(INITIAL_LOOKUP_STATE, await readEvents(await lookup(SHORT, "203.0.113.20")));
      expect(other.done).toMatchObject({ partial: false, cancelled: false });
      const otherPages = other.done!.progress.pagesRead;
      expect(otherPages).toBeGreaterThan(1);
      // Turns alternate between the two clients: the busy one's four lookups got about one request per page of the
      // other's, not four (first come, first served would have put each of its pages behind all four).
      const busyPagesMeanwhile = endpoint.stats().requests - before - otherPages;
      expect(busyPagesMeanwhile).toBeLessThanOrEqual(otherPages + 2);
      expect(running.map((lookup) => lookup.state.finished)).toEqual(running.map(() => false));

      await running.shift()!.stop();
      const again = await lookup(SHORT, busy);
      expect(again.status).toBe(200);
      running.push(drain(again));
    } finally {
      await Promise.all(running.map((lookup) => lookup.stop()));
    }
  });

  it("gives a client's place back when its lookup is refused before streaming", async () => {
    const client = "203.0.113.30";
    for (let index = 0; index <= MAX_LOOKUPS_PER_CLIENT; index++) {
      const response = await lookup({ ...SHORT, regions: ["eu-west-9"] }, client);
      expect(apiErrorSchema.parse(await response.json()).code).toBe("lookup.bad-region");
    }
    const state = reduceLookup(INITIAL_LOOKUP_STATE, await readEvents(await lookup(SHORT, client)));
    expect(state.done).toMatchObject({ partial: false });
  });
});
