import { describe, expect, it } from "vitest";
import { isDenialRecord } from "../parse";
import { diagnose, loadCatalog } from "../catalog";
import { cloudTrailConsoleUrl, createDenialCollector, MAX_DETAILED_GROUPS, MAX_GROUPS, MAX_ROWS } from "./denials";
import { isSuccessRecord } from "./filter";
import { roleRecord } from "./testing/records";

const ROLE = "arn:aws:sts::123456789012:assumed-role/orders-api-role/orders-api";

const keyDenial = (id: string, key: string) =>
  roleRecord({
    role: "orders-api-role",
    session: "orders-api",
    id,
    time: `2026-11-23T10:00:0${id}Z`,
    errorMessage:
      `User: ${ROLE} is not authorized to perform: kms:Decrypt on resource: arn:aws:kms:us-east-1:123456789012:key/${key} ` +
      "because no resource-based policy allows the kms:Decrypt action",
  });

const objectDenial = (id: number, bucket: string) =>
  roleRecord({
    role: "orders-api-role",
    session: "orders-api",
    id: String(id),
    time: "2026-11-23T10:00:00Z",
    eventSource: "s3.amazonaws.com",
    eventName: "GetObject",
    errorMessage:
      `User: ${ROLE} is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::${bucket}/incoming/${id}.json" ` +
      "because no identity-based policy allows the s3:GetObject action",
  });

describe("createDenialCollector", () => {
  it("diagnoses each denial, sends a group's finding once and the changed tallies when asked", async () => {
    const collector = createDenialCollector({
      select: isDenialRecord,
      succeeded: isSuccessRecord,
      linkToConsole: true,
      catalog: loadCatalog,
    });
    const first = await collector.add([keyDenial("1", "k-1"), keyDenial("2", "k-1"), keyDenial("3", "k-2")]);
    expect(collector.takeCounts()).toMatchObject({ type: "counts", counts: [{ count: 2 }, { count: 1 }] });
    const second = await collector.add([
      keyDenial("4", "k-2"),
      roleRecord({ role: "r", session: "s", id: "5", time: "2026-11-23T10:00:05Z", errorCode: null }),
    ]);
    expect(first.map((event) => event.type)).toEqual(["group", "denial", "denial", "group", "denial"]);
    expect(second.map((event) => event.type)).toEqual(["denial"]);
    expect(collector.denialsFound).toBe(4);
    const groups = first.flatMap((event) => (event.type === "group" ? [event.group] : []));
    expect(groups.map((group) => [group.layer, group.resource])).toEqual([
      ["kms-key-policy", "arn:aws:kms:us-east-1:123456789012:key/k-1"],
      ["kms-key-policy", "arn:aws:kms:us-east-1:123456789012:key/k-2"],
    ]);
    expect(groups[0]?.finding?.fix.cli).toContain("aws kms create-grant");
    expect(collector.takeCounts()).toEqual({
      type: "counts",
      counts: [
        {
          key: groups[1]!.key,
          count: 2,
          firstSeen: "2026-11-23T10:00:03Z",
          lastSeen: "2026-11-23T10:00:04Z",
          regions: ["us-east-1"],
        },
      ],
    });
    expect(collector.takeCounts()).toBeNull();
    expect(collector.unlistedNotice()).toBeNull();
  });

  it("groups by what the fix is scoped to: every object of a bucket is one fix", async () => {
    const collector = createDenialCollector({
      select: isDenialRecord,
      succeeded: isSuccessRecord,
      linkToConsole: true,
      catalog: loadCatalog,
    });
    const events = await collector.add([
      objectDenial(1, "orders"),
      objectDenial(2, "orders"),
      objectDenial(3, "invoices"),
    ]);
    const groups = events.flatMap((event) => (event.type === "group" ? [event.group] : []));
    expect(groups.map((group) => group.resource)).toEqual(["arn:aws:s3:::orders/*", "arn:aws:s3:::invoices/*"]);
  });

  it("caps the rows and the detailed findings a huge file sends, but counts everything", async () => {
    const collector = createDenialCollector({
      select: isDenialRecord,
      succeeded: isSuccessRecord,
      linkToConsole: true,
      catalog: loadCatalog,
    });
    const buckets = Array.from({ length: MAX_DETAILED_GROUPS + 5 }, (_, index) => `bucket-${index}`);
    const records = Array.from({ length: MAX_ROWS + 100 }, (_, index) =>
      objectDenial(index, buckets[index % buckets.length]!),
    );
    const events = await collector.add(records);
    const groups = events.flatMap((event) => (event.type === "group" ? [event.group] : []));
    expect(events.filter((event) => event.type === "denial")).toHaveLength(MAX_ROWS);
    expect(groups).toHaveLength(buckets.length);
    expect(groups.filter((group) => group.finding !== null)).toHaveLength(MAX_DETAILED_GROUPS);
    expect(groups.every((group) => group.sample !== null)).toBe(true);
    const late = groups.at(-1)!;
    expect(late.finding).toBeNull();
    expect(JSON.parse(late.sample!)).toMatchObject({
      eventSource: "s3.amazonaws.com",
      eventName: "GetObject",
      errorCode: "AccessDenied",
    });
    const counts = collector.takeCounts();
    expect(counts?.type === "counts" && counts.counts.reduce((sum, count) => sum + count.count, 0)).toBe(
      records.length,
    );
  });

  it("sends a late group's sample with its request, so diagnosing the sample gives the same fix", async () => {
    const collector = createDenialCollector({
      select: isDenialRecord,
      succeeded: isSuccessRecord,
      linkToConsole: true,
      catalog: loadCatalog,
    });
    const filler = Array.from({ length: MAX_DETAILED_GROUPS }, (_, index) => objectDenial(index, `bucket-${index}`));
    const instanceDenial = {
      ...objectDenial(MAX_DETAILED_GROUPS, "unused"),
      eventSource: "ec2.amazonaws.com",
      eventName: "GetPasswordData",
      errorCode: "Client.UnauthorizedOperation",
      errorMessage: "You are not authorized to perform this operation.",
      requestParameters: { instanceId: "i-0abc1234def567890" },
    };
    const events = await collector.add([...filler, instanceDenial]);
    const late = events.flatMap((event) => (event.type === "group" ? [event.group] : [])).at(-1)!;
    const diagnosis = await diagnose(late.sample!);
    expect(diagnosis.ok && diagnosis.value.findings[0]?.fix.statement?.Resource).toMatch(
      /:instance\/i-0abc1234def567890$/,
    );
  });

  it("stops listing new groups past the cap, and says how many denials it only counted", async () => {
    const collector = createDenialCollector({
      select: isDenialRecord,
      succeeded: isSuccessRecord,
      linkToConsole: true,
      catalog: loadCatalog,
    });
    const records = Array.from({ length: MAX_GROUPS + 3 }, (_, index) => objectDenial(index, `bucket-${index}`));
    const events = await collector.add([...records, objectDenial(MAX_GROUPS + 10, "bucket-0")]);
    expect(events.filter((event) => event.type === "group")).toHaveLength(MAX_GROUPS);
    expect(collector.denialsFound).toBe(records.length + 1);
    const notice = collector.unlistedNotice();
    expect(notice).toMatchObject({ type: "notice", code: "denials.unlisted" });
    expect(notice?.message).toMatch(/^3 more denials fell into groups past the first 2,000/);
  });

  it("leaves console links out when the events exist in no account", async () => {
    const collector = createDenialCollector({
      select: isDenialRecord,
      succeeded: isSuccessRecord,
      linkToConsole: false,
      catalog: loadCatalog,
    });
    const [, row] = await collector.add([keyDenial("1", "k-1")]);
    expect(row).toMatchObject({ type: "denial", event: { consoleUrl: null } });
  });
});

describe("cloudTrailConsoleUrl", () => {
  it("links the event in its Region and partition, and refuses odd Regions", () => {
    const record = keyDenial("1", "k-1");
    expect(cloudTrailConsoleUrl(record)).toBe(
      "https://us-east-1.console.aws.amazon.com/cloudtrailv2/home?region=us-east-1#/events/1",
    );
    expect(cloudTrailConsoleUrl({ ...record, awsRegion: "us-east-1/../evil" })).toBeNull();
  });
});
