import { describe, expect, it } from "vitest";
import { isDenialRecord } from "../parse";
import { cloudTrailConsoleUrl, createDenialCollector } from "./denials";
import { roleRecord } from "./testing/records";

const keyDenial = (id: string, key: string) =>
  roleRecord({
    role: "orders-api-role",
    session: "orders-api",
    id,
    time: `2026-11-23T10:00:0${id}Z`,
    errorMessage: `User: arn:aws:sts::123456789012:assumed-role/orders-api-role/orders-api is not authorized to perform: kms:Decrypt on resource: arn:aws:kms:us-east-1:123456789012:key/${key} because no resource-based policy allows the kms:Decrypt action`,
  });

describe("createDenialCollector", () => {
  it("diagnoses each denial and sends a group's finding only once", async () => {
    const collector = createDenialCollector({ select: isDenialRecord, linkToConsole: true });
    const first = await collector.add([keyDenial("1", "k-1"), keyDenial("2", "k-1"), keyDenial("3", "k-2")]);
    const second = await collector.add([keyDenial("4", "k-2"), roleRecord({ role: "r", session: "s", id: "5", time: "2026-11-23T10:00:05Z", errorCode: null })]);
    expect(first.map((event) => event.type)).toEqual(["group", "denial", "denial", "group", "denial"]);
    expect(second.map((event) => event.type)).toEqual(["denial"]);
    expect(collector.denialsFound).toBe(4);
    const groups = first.flatMap((event) => (event.type === "group" ? [event.group] : []));
    expect(groups.map((group) => [group.layer, group.resource])).toEqual([
      ["kms-key-policy", "arn:aws:kms:us-east-1:123456789012:key/k-1"],
      ["kms-key-policy", "arn:aws:kms:us-east-1:123456789012:key/k-2"],
    ]);
    expect(groups[0]?.finding.fix.cli).toContain("aws kms create-grant");
  });

  it("leaves console links out when the events exist in no account", async () => {
    const collector = createDenialCollector({ select: isDenialRecord, linkToConsole: false });
    const [, row] = await collector.add([keyDenial("1", "k-1")]);
    expect(row).toMatchObject({ type: "denial", event: { consoleUrl: null } });
  });
});

describe("cloudTrailConsoleUrl", () => {
  it("links the event in its Region and partition, and refuses odd Regions", () => {
    const record = keyDenial("1", "k-1");
    expect(cloudTrailConsoleUrl(record)).toBe("https://us-east-1.console.aws.amazon.com/cloudtrailv2/home?region=us-east-1#/events/1");
    expect(cloudTrailConsoleUrl({ ...record, awsRegion: "us-east-1/../evil" })).toBeNull();
  });
});
