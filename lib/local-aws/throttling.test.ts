import { LookupEventsCommand } from "@aws-sdk/client-cloudtrail";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { VirtualClock } from "../lookup/testing/virtual-clock";
import { startLocalAws, type LocalAws } from "./index";
import { failureOf, localClient, testRecord } from "./testing/clients";

const START = Date.parse("2026-11-23T12:00:00Z");
/** The rate limiter reads this clock, so the tests move time instead of waiting for it. */
const clock = new VirtualClock(START);

let endpoint: LocalAws;
beforeAll(async () => {
  endpoint = await startLocalAws({
    events: [testRecord({ eventID: "e1", eventTime: new Date(START).toISOString() })],
    clock,
  });
});
beforeEach(() => {
  endpoint.reset();
  clock.advance(60_000);
});
afterAll(async () => {
  await endpoint.close();
});

async function outcome(send: () => Promise<unknown>): Promise<string> {
  try {
    await send();
    return "ok";
  } catch (error) {
    return (error as Error).name;
  }
}

describe("the two-per-second limit, per Region", () => {
  it("throttles a burst with ThrottlingException and counts it", async () => {
    const client = localClient(endpoint.url, "us-east-1");
    const results = await Promise.all(
      Array.from({ length: 5 }, () => outcome(() => client.send(new LookupEventsCommand({})))),
    );
    expect(results.filter((result) => result === "ok")).toHaveLength(2);
    expect(results.filter((result) => result === "ThrottlingException")).toHaveLength(3);
    const failure = await failureOf(() => client.send(new LookupEventsCommand({})));
    expect(failure).toMatchObject({
      name: "ThrottlingException",
      message: "Rate exceeded",
      $metadata: { httpStatusCode: 400 },
    });
    expect(endpoint.stats()).toMatchObject({
      requests: 6,
      throttled: 4,
      byRegion: { "us-east-1": { requests: 6, throttled: 4 } },
    });
    client.destroy();
  });

  it("throttles requests 100 ms apart after a burst, and admits again a second after it", async () => {
    const client = localClient(endpoint.url, "us-east-1");
    await Promise.all([client.send(new LookupEventsCommand({})), client.send(new LookupEventsCommand({}))]);
    clock.advance(100);
    expect(await outcome(() => client.send(new LookupEventsCommand({})))).toBe("ThrottlingException");
    clock.advance(100);
    expect(await outcome(() => client.send(new LookupEventsCommand({})))).toBe("ThrottlingException");
    clock.advance(800);
    expect(await outcome(() => client.send(new LookupEventsCommand({})))).toBe("ok");
    client.destroy();
  });

  it("never throttles requests spaced 500 ms apart", async () => {
    const client = localClient(endpoint.url, "eu-west-1");
    for (let request = 0; request < 4; request++) {
      if (request > 0) clock.advance(500);
      expect(await outcome(() => client.send(new LookupEventsCommand({})))).toBe("ok");
    }
    expect(endpoint.stats().throttled).toBe(0);
    client.destroy();
  });

  it("counts each Region on its own", async () => {
    const east = localClient(endpoint.url, "us-east-1");
    const west = localClient(endpoint.url, "eu-west-1");
    await Promise.all([east.send(new LookupEventsCommand({})), east.send(new LookupEventsCommand({}))]);
    expect(await outcome(() => west.send(new LookupEventsCommand({})))).toBe("ok");
    expect(await outcome(() => east.send(new LookupEventsCommand({})))).toBe("ThrottlingException");
    east.destroy();
    west.destroy();
  });
});
