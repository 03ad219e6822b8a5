import { describe, expect, it } from "vitest";
import { loadCatalog } from "../catalog";
import { isDenialRecord } from "../parse";
import type { GroupCount } from "../wire";
import { createDenialCollector, MAX_GROUP_REGIONS } from "./denials";
import { isSuccessRecord } from "./filter";
import { roleRecord } from "./testing/records";

const ROLE = "arn:aws:sts::123456789012:assumed-role/orders-api-role/orders-api";
const MADE_UP_REGIONS = 1000;

/** A Region-shaped name per index: "zz-aaa-1", "zz-aab-1", … */
const regionName = (index: number) =>
  `zz-${[2, 1, 0].map((place) => String.fromCharCode(97 + (Math.floor(index / 26 ** place) % 26))).join("")}-1`;

const denialIn = (region: string, id: number) => ({
  ...roleRecord({
    role: "orders-api-role",
    session: "orders-api",
    id: String(id),
    time: "2026-11-23T10:00:00Z",
    errorMessage: `User: ${ROLE} is not authorized to perform: kms:Decrypt on resource: arn:aws:kms:us-east-1:123456789012:key/k-1`,
  }),
  awsRegion: region,
});

describe("a group's Region list", () => {
  it("keeps at most MAX_GROUP_REGIONS Regions and counts the denials in the rest", async () => {
    const collector = createDenialCollector({
      select: isDenialRecord,
      succeeded: isSuccessRecord,
      linkToConsole: false,
      catalog: loadCatalog,
    });
    const records = Array.from({ length: MADE_UP_REGIONS }, (_, index) => denialIn(regionName(index), index));
    await collector.add([...records, denialIn("not a region ".repeat(100), MADE_UP_REGIONS)]);
    const counts = collector.takeCounts();
    const tally = (counts?.type === "counts" ? counts.counts : [])[0] as GroupCount;
    expect(tally.count).toBe(MADE_UP_REGIONS + 1);
    expect(tally.regions).toHaveLength(MAX_GROUP_REGIONS);
    expect(tally.deniedInUnlistedRegions).toBe(MADE_UP_REGIONS - MAX_GROUP_REGIONS + 1);
  });
});
