import {
  LookupEventsCommand,
  paginateLookupEvents,
  type Event,
  type LookupAttribute,
  type LookupAttributeKey,
} from "@aws-sdk/client-cloudtrail";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoEvents } from "../../../demo";
import { VirtualClock } from "../../../lookup/testing/virtual-clock";
import { startLocalAws, type LocalAws } from "../../index";
import type { TrailRecord } from "../../../trail-record";
import { failureOf, localClient, testRecord } from "../../testing/clients";
import { usernameOf } from "./wire-event";

/** The endpoint reads this fixed clock, so the 90-day window is the same on every run. */
const now = new Date("2026-11-23T12:00:00Z");
const demo = seedDemoEvents({ now, days: 3 });
const DAY_MS = 24 * 60 * 60 * 1000;
const isoAgo = (ms: number): string => new Date(now.getTime() - ms).toISOString().replace(/\.\d{3}Z$/, "Z");

const crafted: TrailRecord[] = [
  testRecord({ eventID: "too-old", eventTime: isoAgo(100 * DAY_MS) }),
  testRecord({
    eventID: "root-call",
    eventTime: isoAgo(5 * DAY_MS),
    eventSource: "iam.amazonaws.com",
    eventName: "CreateUser",
    readOnly: false,
    userIdentity: { type: "Root", arn: "arn:aws:iam::123456789012:root", accessKeyId: "AKIAROOTKEY000000001" },
  }),
];

let endpoint: LocalAws;
beforeAll(async () => {
  endpoint = await startLocalAws({
    events: [...demo, ...crafted],
    ratePerSecond: Number.POSITIVE_INFINITY,
    clock: new VirtualClock(now.getTime()),
  });
});
afterAll(async () => {
  await endpoint.close();
});

async function lookupAll(region: string, input: Parameters<typeof paginateLookupEvents>[1] = {}): Promise<Event[]> {
  const client = localClient(endpoint.url, region);
  const events: Event[] = [];
  for await (const page of paginateLookupEvents({ client, pageSize: 50 }, input)) events.push(...(page.Events ?? []));
  client.destroy();
  return events;
}

function recordsIn(region: string): TrailRecord[] {
  return [...demo, ...crafted].filter(
    (record) => record.awsRegion === region && Date.parse(record.eventTime) > now.getTime() - 90 * DAY_MS,
  );
}

describe("LookupEvents paging", () => {
  it("pages through every event of the Region once, newest first", async () => {
    const events = await lookupAll("eu-west-1");
    const expected = recordsIn("eu-west-1");
    expect(events).toHaveLength(expected.length);
    expect(new Set(events.map((event) => event.EventId)).size).toBe(expected.length);
    const times = events.map((event) => event.EventTime?.getTime() ?? 0);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("returns the record itself as CloudTrailEvent, with the Event fields taken from it", async () => {
    const [event] = await lookupAll("us-east-1", {
      LookupAttributes: [{ AttributeKey: "EventId", AttributeValue: "root-call" }],
    });
    expect(event).toMatchObject({
      EventName: "CreateUser",
      EventSource: "iam.amazonaws.com",
      ReadOnly: "false",
      Username: "root",
      AccessKeyId: "AKIAROOTKEY000000001",
    });
    expect(JSON.parse(event?.CloudTrailEvent ?? "")).toEqual(crafted[1]);
  });

  it("hides events older than 90 days", async () => {
    expect(
      await lookupAll("us-east-1", { LookupAttributes: [{ AttributeKey: "EventId", AttributeValue: "too-old" }] }),
    ).toEqual([]);
  });

  it("keeps Regions apart", async () => {
    const events = await lookupAll("eu-west-1", {
      LookupAttributes: [{ AttributeKey: "EventSource", AttributeValue: "iam.amazonaws.com" }],
    });
    expect(events).toEqual([]);
    expect(await lookupAll("ap-southeast-2")).toEqual([]);
  });
});

describe("LookupEvents attributes", () => {
  const sample = demo.find(
    (record) =>
      record.resources?.length && record.userIdentity?.type === "AssumedRole" && record.awsRegion === "us-east-1",
  );
  const resource = sample?.resources?.[0];
  const cases: [LookupAttributeKey, string, (record: TrailRecord) => boolean][] = [
    ["EventId", sample?.eventID ?? "", (record) => record.eventID === sample?.eventID],
    ["EventName", "Decrypt", (record) => record.eventName === "Decrypt"],
    ["ReadOnly", "false", (record) => record.readOnly === false],
    ["Username", "nightly-report", (record) => usernameOf(record.userIdentity) === "nightly-report"],
    [
      "ResourceType",
      "AWS::KMS::Key",
      (record) => Boolean(record.resources?.some((item) => item.type === "AWS::KMS::Key")),
    ],
    [
      "ResourceName",
      resource?.ARN ?? "",
      (record) => Boolean(record.resources?.some((item) => item.ARN === resource?.ARN)),
    ],
    ["EventSource", "ssm.amazonaws.com", (record) => record.eventSource === "ssm.amazonaws.com"],
    [
      "AccessKeyId",
      sample?.userIdentity?.accessKeyId ?? "",
      (record) => record.userIdentity?.accessKeyId === sample?.userIdentity?.accessKeyId,
    ],
  ];

  it.each(cases)("filters by %s", async (key, value, matches) => {
    const events = await lookupAll("us-east-1", { LookupAttributes: [{ AttributeKey: key, AttributeValue: value }] });
    const expected = recordsIn("us-east-1").filter(matches);
    expect(expected.length).toBeGreaterThan(0);
    expect(events.map((event) => event.EventId).sort()).toEqual(expected.map((record) => record.eventID).sort());
  });

  it("names an assumed role's session as Username and an IAM user by name", async () => {
    const [alice] = await lookupAll("us-east-1", {
      LookupAttributes: [{ AttributeKey: "Username", AttributeValue: "alice" }],
    });
    const record = JSON.parse(alice?.CloudTrailEvent ?? "{}") as TrailRecord;
    expect(record.userIdentity?.type).toBe("IAMUser");
  });

  it("refuses more than one attribute, unknown keys and bad values", async () => {
    const client = localClient(endpoint.url, "us-east-1");
    const attempts: LookupAttribute[][] = [
      [
        { AttributeKey: "EventName", AttributeValue: "Decrypt" },
        { AttributeKey: "Username", AttributeValue: "alice" },
      ],
      [{ AttributeKey: "ErrorCode" as LookupAttributeKey, AttributeValue: "AccessDenied" }],
      [{ AttributeKey: "EventName", AttributeValue: "" }],
      [{ AttributeKey: "EventName", AttributeValue: "x".repeat(2001) }],
    ];
    for (const LookupAttributes of attempts) {
      const failure = await failureOf(() => client.send(new LookupEventsCommand({ LookupAttributes })));
      expect(failure.name).toBe("InvalidLookupAttributesException");
      expect(failure.$metadata?.httpStatusCode).toBe(400);
    }
    client.destroy();
  });
});

describe("LookupEvents parameters", () => {
  it("keeps to the StartTime–EndTime window, both ends included", async () => {
    const inWindow = recordsIn("eu-west-1").slice(100, 160);
    const first = inWindow[0];
    const last = inWindow.at(-1);
    if (!first || !last) throw new Error("seed too small");
    const events = await lookupAll("eu-west-1", {
      StartTime: new Date(first.eventTime),
      EndTime: new Date(last.eventTime),
    });
    const expected = recordsIn("eu-west-1").filter(
      (record) => record.eventTime >= first.eventTime && record.eventTime <= last.eventTime,
    );
    expect(events.map((event) => event.EventId).sort()).toEqual(expected.map((record) => record.eventID).sort());
  });

  it("refuses a StartTime after the EndTime", async () => {
    const client = localClient(endpoint.url, "eu-west-1");
    const failure = await failureOf(() =>
      client.send(new LookupEventsCommand({ StartTime: now, EndTime: new Date(now.getTime() - 1000) })),
    );
    expect(failure.name).toBe("InvalidTimeRangeException");
    client.destroy();
  });

  it("returns MaxResults events per page and refuses values outside 1–50", async () => {
    const client = localClient(endpoint.url, "eu-west-1");
    const page = await client.send(new LookupEventsCommand({ MaxResults: 1 }));
    expect(page.Events).toHaveLength(1);
    expect(page.NextToken).toBeTruthy();
    for (const MaxResults of [0, 51, 1.5]) {
      expect((await failureOf(() => client.send(new LookupEventsCommand({ MaxResults })))).name).toBe(
        "InvalidMaxResultsException",
      );
    }
    client.destroy();
  });

  it("refuses a NextToken used with other parameters, or made up", async () => {
    const client = localClient(endpoint.url, "us-east-1");
    const byName = {
      LookupAttributes: [{ AttributeKey: "EventName" as const, AttributeValue: "Decrypt" }],
      MaxResults: 5,
    };
    const first = await client.send(new LookupEventsCommand(byName));
    const second = await client.send(new LookupEventsCommand({ ...byName, NextToken: first.NextToken }));
    expect(second.Events?.[0]?.EventId).not.toBe(first.Events?.[0]?.EventId);
    const misuses = [
      { MaxResults: 5, NextToken: first.NextToken },
      { ...byName, StartTime: new Date(now.getTime() - DAY_MS), NextToken: first.NextToken },
      { ...byName, NextToken: "bm90LWEtdG9rZW4" },
    ];
    for (const input of misuses) {
      expect((await failureOf(() => client.send(new LookupEventsCommand(input)))).name).toBe(
        "InvalidNextTokenException",
      );
    }
    const otherRegion = localClient(endpoint.url, "eu-west-1");
    expect(
      (await failureOf(() => otherRegion.send(new LookupEventsCommand({ ...byName, NextToken: first.NextToken }))))
        .name,
    ).toBe("InvalidNextTokenException");
    client.destroy();
    otherRegion.destroy();
  });

  it("finds no Insights events and refuses unknown event categories", async () => {
    const client = localClient(endpoint.url, "us-east-1");
    expect((await client.send(new LookupEventsCommand({ EventCategory: "insight" }))).Events).toEqual([]);
    const failure = await failureOf(() =>
      client.send(new LookupEventsCommand({ EventCategory: "management" as "insight" })),
    );
    expect(failure.name).toBe("InvalidEventCategoryException");
    client.destroy();
  });
});
