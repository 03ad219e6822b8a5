import "server-only";
import { partition } from "@aws-sdk/core/client";
import { fail, ok, type Result } from "../result";
import { ownEntry } from "../own";
import { MAX_REGIONS } from "../wire";

/**
 * Checks Region names against the SDK's partition data before any call: unknown names and
 * Regions of another partition than the role's are refused with a message naming them.
 */
export function checkRegions(regions: string[], rolePartition: string): Result<string[], "lookup.bad-region"> {
  const names = [...new Set(regions.map((region) => region.trim().toLowerCase()).filter(Boolean))];
  if (names.length === 0) return fail("lookup.bad-region", "Choose at least one Region to search.");
  if (names.length > MAX_REGIONS) return fail("lookup.bad-region", `Search at most ${MAX_REGIONS} Regions at a time.`);
  for (const name of names) {
    const info = partition(name);
    if (!("description" in info))
      return fail(
        "lookup.bad-region",
        `"${name.slice(0, 40)}" is not an AWS Region. Check the spelling, for example eu-west-1.`,
      );
    if (info.name !== rolePartition) {
      return fail(
        "lookup.bad-region",
        `${name} is in the ${info.name} partition but the role is in ${rolePartition}: CloudTrail there cannot see the role.`,
      );
    }
  }
  return ok(names);
}

/** Where CloudTrail records each partition's global service events (IAM, STS's global endpoint). */
const GLOBAL_EVENT_REGIONS: Record<string, string> = {
  aws: "us-east-1",
  "aws-cn": "cn-north-1",
  "aws-us-gov": "us-gov-west-1",
};

/** The Region where CloudTrail records the partition's global IAM and STS events. */
export function globalRegionOf(partitionName: string): string | null {
  return ownEntry(GLOBAL_EVENT_REGIONS, partitionName) ?? null;
}
