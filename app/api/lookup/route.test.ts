import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { seedDemoEvents } from "@/lib/demo";
import { startLocalAws, type LocalAws } from "@/lib/local-aws";
import { INITIAL_LOOKUP_STATE, reduceLookup } from "@/lib/run";
import { apiErrorSchema } from "@/lib/wire";
import { readEvents } from "../testing/ndjson";
import { GET, POST } from "./route";

const NOW = new Date();
let endpoint: LocalAws;
const savedEnv = { ...process.env };
const JSON_HEADERS = { "content-type": "application/json" };

function lookup(body: Record<string, unknown>): Promise<Response> {
  return POST(
    new Request("http://127.0.0.1/api/lookup", {
      method: "POST",
      body: JSON.stringify(body),
      headers: JSON_HEADERS,
    }),
  );
}

const ORDERS = {
  roleArn: "arn:aws:iam::123456789012:role/orders-api-role",
  functionName: "orders-api",
  regions: ["eu-west-1"],
  includeGlobalRegion: false,
  window: { hours: 48 },
};

beforeAll(async () => {
  endpoint = await startLocalAws({ events: seedDemoEvents({ now: NOW }) });
});

beforeEach(() => {
  endpoint.reset();
  process.env = {
    ...savedEnv,
    WHYDENIED_CLOUDTRAIL_ENDPOINT: endpoint.url,
    AWS_ACCESS_KEY_ID: "test",
    AWS_SECRET_ACCESS_KEY: "test",
    AWS_EC2_METADATA_DISABLED: "true",
  };
});

afterAll(async () => {
  process.env = savedEnv;
  await endpoint.close();
});

describe("POST /api/lookup against the local CloudTrail endpoint", () => {
  it("pages through the role's events at the paced rate and streams grouped findings", async () => {
    const response = await lookup(ORDERS);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/x-ndjson");
    const events = await readEvents(response);
    const state = reduceLookup(INITIAL_LOOKUP_STATE, events);
    expect(state.start).toMatchObject({
      source: "endpoint",
      scans: [{ region: "eu-west-1", attribute: { key: "Username", value: "orders-api" } }],
    });
    expect(state.done).toMatchObject({ partial: false, cancelled: false });
    expect(state.done!.progress.pagesRead).toBeGreaterThan(1);
    expect(state.groups.map((group) => group.layer)).toEqual(
      expect.arrayContaining(["execution-role", "kms-key-policy"]),
    );
    expect(state.groups.find((group) => group.layer === "kms-key-policy")?.finding?.fix.cli).toContain(
      "aws kms create-grant",
    );
    expect(endpoint.stats().throttled).toBe(0);
    expect(endpoint.stats().requests).toBe(state.done!.progress.pagesRead);
  });

  it("rides out throttling and 5xx answers with retries and loses nothing", async () => {
    const clean = reduceLookup(INITIAL_LOOKUP_STATE, await readEvents(await lookup(ORDERS)));
    endpoint.reset();
    endpoint.faults.inject({ times: 1, code: "ThrottlingException" });
    endpoint.faults.inject({ times: 2, status: 503 });
    const state = reduceLookup(INITIAL_LOOKUP_STATE, await readEvents(await lookup(ORDERS)));
    expect(state.done).toMatchObject({
      partial: false,
      progress: {
        retries: 3,
        eventsScanned: clean.done!.progress.eventsScanned,
        denialsFound: clean.done!.progress.denialsFound,
      },
    });
    expect(state.notices).toEqual([]);
  });

  it("keeps the other Regions' results when one Region keeps failing", async () => {
    endpoint.faults.inject({ times: 20, status: 500, region: "us-east-1" });
    const body = {
      ...ORDERS,
      functionName: null,
      roleArn: "arn:aws:iam::123456789012:role/reports-fn-role",
      regions: ["us-east-1", "eu-west-1"],
      window: { hours: 6 },
    };
    const state = reduceLookup(INITIAL_LOOKUP_STATE, await readEvents(await lookup(body)));
    expect(state.notices.map((notice) => notice.message)).toEqual([
      expect.stringMatching(/^Stopped reading us-east-1: CloudTrail in us-east-1 did not answer \(HTTP 500\)\./),
    ]);
    expect(state.done).toMatchObject({ partial: true });
    expect(state.done!.progress.pagesRead).toBeGreaterThan(0);
  }, 60_000);

  it("stops requesting CloudTrail once the reader cancels", async () => {
    const body = { ...ORDERS, functionName: null, regions: ["us-east-1"], window: { hours: 7 * 24 } };
    const response = await lookup(body);
    const reader = response.body!.getReader();
    await reader.read();
    await reader.read();
    // Cancelling resolves once the scan has wound down, in-flight requests included.
    await reader.cancel();
    const afterCancel = endpoint.stats().byRegion["us-east-1"]?.requests ?? 0;
    // Another lookup runs its paced pages meanwhile: the cancelled one may send nothing in that time.
    const other = reduceLookup(INITIAL_LOOKUP_STATE, await readEvents(await lookup(ORDERS)));
    expect(other.done!.progress.pagesRead).toBeGreaterThan(1);
    expect(endpoint.stats().byRegion["us-east-1"]?.requests ?? 0).toBe(afterCancel);
  });

  it.each([
    [{ ...ORDERS, roleArn: "arn:aws:lambda:eu-west-1:123456789012:function:orders-api" }, 400, "lookup.bad-arn"],
    [{ ...ORDERS, window: { hours: 100 * 24 } }, 400, "request.invalid"],
    [{ ...ORDERS, window: { start: "2020-01-01T00:00:00Z" } }, 400, "lookup.window-too-large"],
    [{ ...ORDERS, regions: ["eu-west-9"] }, 400, "lookup.bad-region"],
    [{ ...ORDERS, regions: ["cn-north-1"] }, 400, "lookup.bad-region"],
    [{ ...ORDERS, functionName: "not a name!" }, 400, "request.invalid"],
  ])("refuses %j before calling CloudTrail", async (body, status, code) => {
    const response = await lookup(body);
    expect(response.status).toBe(status);
    expect(apiErrorSchema.parse(await response.json())).toMatchObject({ code });
    expect(endpoint.stats().requests).toBe(0);
  });

  it("refuses malformed and oversized bodies", async () => {
    const malformed = await POST(
      new Request("http://127.0.0.1/api/lookup", { method: "POST", body: "{not json", headers: JSON_HEADERS }),
    );
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ code: "request.malformed-json" });
    const huge = await POST(
      new Request("http://127.0.0.1/api/lookup", {
        method: "POST",
        body: "x".repeat(64 * 1024),
        headers: JSON_HEADERS,
      }),
    );
    expect(huge.status).toBe(413);
  });

  it("answers 401 without credentials, and never echoes secrets", async () => {
    process.env = {
      ...savedEnv,
      WHYDENIED_CLOUDTRAIL_ENDPOINT: endpoint.url,
      AWS_EC2_METADATA_DISABLED: "true",
      AWS_CONFIG_FILE: "/nonexistent",
      AWS_SHARED_CREDENTIALS_FILE: "/nonexistent",
    };
    delete process.env.AWS_ACCESS_KEY_ID;
    delete process.env.AWS_SECRET_ACCESS_KEY;
    delete process.env.AWS_PROFILE;
    const response = await lookup(ORDERS);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: "lookup.no-credentials" });
  });

  it("names expired credentials, and the policy whydenied needs when it is denied", async () => {
    endpoint.faults.inject({ times: 1, code: "ExpiredTokenException" });
    const expired = await lookup(ORDERS);
    expect([expired.status, apiErrorSchema.parse(await expired.json()).code]).toEqual([
      401,
      "lookup.expired-credentials",
    ]);
    endpoint.faults.inject({ times: 1, code: "AccessDeniedException" });
    const denied = await lookup({ ...ORDERS, AWS_SECRET_ACCESS_KEY: "leak?" });
    const body = apiErrorSchema.parse(await denied.json());
    expect([denied.status, body.code]).toEqual([403, "lookup.denied"]);
    expect(JSON.stringify(body)).not.toContain("test");
  });

  it("refuses the cross-site attack from issue 9 with a typed 403 before touching CloudTrail", async () => {
    const attack = (headers: Record<string, string>) =>
      POST(new Request("http://127.0.0.1/api/lookup", { method: "POST", body: JSON.stringify(ORDERS), headers }));
    const rebound = await attack({
      host: "attacker.example",
      origin: "http://attacker.example",
      "content-type": "text/plain",
    });
    expect([rebound.status, apiErrorSchema.parse(await rebound.json()).code]).toEqual([403, "request.bad-host"]);
    const crossSite = await attack({ origin: "http://attacker.example", "content-type": "text/plain" });
    expect([crossSite.status, apiErrorSchema.parse(await crossSite.json()).code]).toEqual([
      403,
      "request.cross-origin",
    ]);
    const plainText = await attack({ origin: "http://127.0.0.1", "content-type": "text/plain" });
    expect([plainText.status, apiErrorSchema.parse(await plainText.json()).code]).toEqual([
      415,
      "request.unsupported-media-type",
    ]);
    expect(plainText.headers.get("access-control-allow-origin")).toBeNull();
    expect(endpoint.stats().requests).toBe(0);
  });

  it("answers other methods with 405 and the usual error shape", async () => {
    const response = GET();
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
    expect(apiErrorSchema.parse(await response.json())).toMatchObject({ code: "request.method-not-allowed" });
  });
});
