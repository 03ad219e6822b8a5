/** The partitions whose consoles whydenied links to, with each one's console host. */
const CONSOLE_HOSTS = new Map([
  ["aws", "console.aws.amazon.com"],
  ["aws-cn", "console.amazonaws.cn"],
  ["aws-us-gov", "console.amazonaws-us-gov.com"],
]);

/** A Region name as AWS spells them (`eu-west-1`, `us-gov-west-1`): nothing else may become part of a host name. */
const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d$/;

/** Whether a Region name is well formed and belongs to the partition (China and GovCloud Regions have their own). */
export function isRegionOf(partition: string, region: string): boolean {
  if (!REGION_PATTERN.test(region)) return false;
  if (partition === "aws-cn") return region.startsWith("cn-");
  if (partition === "aws-us-gov") return region.startsWith("us-gov-");
  return partition === "aws" && !region.startsWith("cn-") && !region.startsWith("us-gov-");
}

/** Where on the console a link goes: the partition, and the Region for a regional console (or S3's own host). */
export interface ConsolePlace {
  partition: string;
  region?: string;
  s3?: boolean;
}

/**
 * A link into the AWS console, or `null` when the partition is not one AWS has or the Region is not a Region of
 * it — so text from a pasted message can never turn the link into one to another site. `path` starts with `/`;
 * the caller percent-encodes every name in it (`encodeURIComponent`) and may interpolate only the checked Region.
 */
export function consoleUrl(place: ConsolePlace, path: string): string | null {
  const host = CONSOLE_HOSTS.get(place.partition);
  if (host === undefined || !path.startsWith("/")) return null;
  if (place.region !== undefined && !isRegionOf(place.partition, place.region)) return null;
  const prefix = place.s3 ? "s3." : place.region !== undefined ? `${place.region}.` : "";
  return `https://${prefix}${host}${path}`;
}
