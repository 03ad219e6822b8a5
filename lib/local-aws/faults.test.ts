import { LookupEventsCommand } from "@aws-sdk/client-cloudtrail";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { CONTROL_TOKEN_HEADER, startLocalAws, type LocalAws } from "./index";
import { failureOf, localClient, testRecord } from "./testing/clients";
import { HeldClock } from "./testing/held-clock";

const START = Date.parse("2026-11-23T12:00:00Z");
/** Injected delays sleep on this clock, so a test holds and releases them instead of waiting. */
const clock = new HeldClock(START);

let endpoint: LocalAws;
const CONTROL_TOKEN = "faults-test-control-token";

beforeAll(async () => {
  endpoint = await startLocalAws({
    events: [testRecord({ eventID: "e1", eventTime: new Date(START).toISOString() })],
    ratePerSecond: Number.POSITIVE_INFINITY,
    clock,
    controlToken: CONTROL_TOKEN,
  });
});
beforeEach(() => endpoint.reset());
afterAll(async () => {
  await endpoint.close();
});

const lookup = (region = "us-east-1") => {
  const client = localClient(endpoint.url, region);
  return client.send(new LookupEventsCommand({})).finally(() => client.destroy());
};

describe("injected faults", () => {
  it("answers the next `times` requests with the status and its usual code, then recovers", async () => {
    endpoint.faults.inject({ times: 2, status: 503 });
    for (let attempt = 0; attempt < 2; attempt++) {
      const failure = await failureOf(() => lookup());
      expect(failure).toMatchObject({
        name: "ServiceUnavailableException",
        $fault: "server",
        $metadata: { httpStatusCode: 503 },
      });
    }
    expect((await lookup()).Events).toHaveLength(1);
    expect(endpoint.stats()).toMatchObject({ requests: 3, faultsServed: 2, throttled: 0 });
  });

  it("uses the code it is given, InternalFailure for a bare 500, and HTTP 400 for a bare code", async () => {
    endpoint.faults.inject({ times: 1, status: 502, code: "BadGateway" });
    endpoint.faults.inject({ times: 1, status: 500 });
    endpoint.faults.inject({ times: 1, code: "ExpiredTokenException" });
    expect(await failureOf(() => lookup())).toMatchObject({ name: "BadGateway", $metadata: { httpStatusCode: 502 } });
    expect(await failureOf(() => lookup())).toMatchObject({
      name: "InternalFailure",
      $metadata: { httpStatusCode: 500 },
    });
    expect(await failureOf(() => lookup())).toMatchObject({
      name: "ExpiredTokenException",
      $fault: "client",
      $metadata: { httpStatusCode: 400 },
    });
  });

  it("lets the SDK's own retries ride over a transient fault", async () => {
    endpoint.faults.inject({ times: 1, status: 500 });
    const client = localClient(endpoint.url, "us-east-1", { maxAttempts: 3 });
    const output = await client.send(new LookupEventsCommand({}));
    expect(output.$metadata.attempts).toBe(2);
    client.destroy();
  });

  it("only hits the Region it names", async () => {
    endpoint.faults.inject({ times: 1, status: 504, region: "eu-west-1" });
    expect((await lookup("us-east-1")).Events).toHaveLength(1);
    expect(await failureOf(() => lookup("eu-west-1"))).toMatchObject({
      name: "GatewayTimeoutException",
      $metadata: { httpStatusCode: 504 },
    });
  });

  it("holds an answer for delayMs on the endpoint's clock, then answers", async () => {
    endpoint.faults.inject({ times: 1, delayMs: 5_000 });
    const slept = clock.nextSleep();
    const answer = lookup();
    expect(await slept).toBe(5_000);
    clock.advance(4_999);
    expect(clock.pendingSleeps).toBe(1);
    clock.advance(1);
    expect((await answer).Events).toHaveLength(1);
    expect(endpoint.stats().faultsServed).toBe(1);
  });

  it("stops holding an answer when the client gives up", async () => {
    endpoint.faults.inject({ times: 1, delayMs: 5_000 });
    const client = localClient(endpoint.url, "us-east-1");
    const giveUp = new AbortController();
    const slept = clock.nextSleep();
    const answer = failureOf(() => client.send(new LookupEventsCommand({}), { abortSignal: giveUp.signal }));
    await slept;
    giveUp.abort();
    expect((await answer).name).toBe("AbortError");
    await vi.waitFor(() => expect(endpoint.stats().abandoned).toBe(1));
    client.destroy();
    expect((await lookup()).Events).toHaveLength(1);
  });

  it("delays then fails when a fault has both", async () => {
    endpoint.faults.inject({ times: 1, delayMs: 50, status: 503 });
    const slept = clock.nextSleep();
    const answer = failureOf(() => lookup());
    expect(await slept).toBe(50);
    clock.advance(50);
    expect(await answer).toMatchObject({ name: "ServiceUnavailableException", $metadata: { httpStatusCode: 503 } });
  });

  it("lets `after` requests through before the fault starts", async () => {
    endpoint.faults.inject({ times: 1, status: 503, after: 2 });
    expect((await lookup()).Events).toHaveLength(1);
    expect((await lookup()).Events).toHaveLength(1);
    expect(await failureOf(() => lookup())).toMatchObject({ name: "ServiceUnavailableException" });
    expect((await lookup()).Events).toHaveLength(1);
  });

  it("drops the connection without an answer, after any delay", async () => {
    endpoint.faults.inject({ times: 1, connection: "drop" });
    expect(await failureOf(() => lookup())).toMatchObject({ code: "ECONNRESET" });
    expect((await lookup()).Events).toHaveLength(1);
    expect(endpoint.stats()).toMatchObject({ requests: 2, faultsServed: 1 });
  });

  it("answers a body cut off mid-JSON, with HTTP 200 or the status it is given", async () => {
    endpoint.faults.inject({ times: 1, body: "malformed-json" });
    endpoint.faults.inject({ times: 1, body: "malformed-json", status: 502 });
    expect(await failureOf(() => lookup())).toMatchObject({ name: "SyntaxError", $metadata: { httpStatusCode: 200 } });
    expect(await failureOf(() => lookup())).toMatchObject({ name: "SyntaxError", $metadata: { httpStatusCode: 502 } });
    expect((await lookup()).Events).toHaveLength(1);
  });

  it("refuses faults that do nothing or make no sense", () => {
    expect(() => endpoint.faults.inject({ times: 1 })).toThrow();
    expect(() => endpoint.faults.inject({ times: 1, connection: "drop", status: 503 })).toThrow();
    expect(() => endpoint.faults.inject({ times: 1, connection: "drop", body: "malformed-json" })).toThrow();
    expect(() => endpoint.faults.inject({ times: 0, status: 500 })).toThrow();
    expect(() => endpoint.faults.inject({ times: 1, status: 418 as 500 })).toThrow();
  });

  it("clears pending faults", async () => {
    endpoint.faults.inject({ times: 5, status: 500 });
    endpoint.faults.clear();
    expect((await lookup()).Events).toHaveLength(1);
  });
});

describe("control routes, for an endpoint in another process", () => {
  const control = (method: string, path: string, body?: unknown, token = CONTROL_TOKEN) =>
    fetch(`${endpoint.url}/__control/${path}`, {
      method,
      headers: { [CONTROL_TOKEN_HEADER]: token },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  it("refuses a request without the token, and is off for an endpoint started without one", async () => {
    expect((await control("POST", "reset", undefined, "")).status).toBe(401);
    expect((await control("POST", "faults", { times: 1, status: 503 }, "wrong-token-of-some-length")).status).toBe(401);
    expect((await lookup()).Events).toHaveLength(1);
    const closed = await startLocalAws({ events: [] });
    try {
      for (const path of ["stats", "reset"])
        expect(
          (await fetch(`${closed.url}/__control/${path}`, { headers: { [CONTROL_TOKEN_HEADER]: CONTROL_TOKEN } }))
            .status,
        ).toBe(404);
    } finally {
      await closed.close();
    }
  });

  it("injects and clears faults", async () => {
    expect((await control("POST", "faults", { times: 1, status: 503 })).status).toBe(204);
    expect(await failureOf(() => lookup())).toMatchObject({ name: "ServiceUnavailableException" });
    await control("POST", "faults", { times: 3, status: 500 });
    expect((await control("DELETE", "faults")).status).toBe(204);
    expect((await lookup()).Events).toHaveLength(1);
  });

  it("reports and resets stats, without counting itself", async () => {
    await lookup();
    const stats: unknown = await (await control("GET", "stats")).json();
    expect(stats).toEqual({
      requests: 1,
      throttled: 0,
      faultsServed: 0,
      abandoned: 0,
      byRegion: { "us-east-1": { requests: 1, throttled: 0 } },
      assumedRoles: [],
      refusedAssumeRoles: 0,
      served: { pages: 1, events: 1, firstAt: expect.any(Number) as number, lastAt: expect.any(Number) as number },
    });
    expect((await control("POST", "reset")).status).toBe(204);
    expect((await (await control("GET", "stats")).json()) as unknown).toEqual({
      requests: 0,
      throttled: 0,
      faultsServed: 0,
      abandoned: 0,
      byRegion: {},
      assumedRoles: [],
      refusedAssumeRoles: 0,
      served: { pages: 0, events: 0, firstAt: null, lastAt: null },
    });
  });

  it("refuses bad fault bodies and unknown routes", async () => {
    for (const body of [
      { times: 1 },
      { times: 1, status: 404 },
      { times: "one", status: 500 },
      { times: 1, status: 500, extra: true },
      { times: 1, connection: "close" },
      { times: 1, body: "html" },
    ]) {
      const response = await control("POST", "faults", body);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { __type: string }).__type).toBe("ValidationException");
    }
    expect((await control("POST", "faults", undefined)).status).toBe(400);
    expect((await control("GET", "nothing")).status).toBe(404);
    expect((await lookup()).Events).toHaveLength(1);
  });
});
