import { actionKeys, diagnoseRecord } from "../diagnose";
import { consoleUrl, parseArn } from "../iam";
import type { ActionCatalog, ActionKey } from "../iam";
import { denialFromRecord, type CloudTrailRecord } from "../parse";
import type { DeniedEvent, Finding, GroupCount, LookupStreamEvent, NoticeEvent } from "../wire";
import { MAX_JSON_DEPTH, nestedDeeperThan } from "./json-depth";

/** Rows of the raw-events table the server sends; the tallies still count every denial. */
export const MAX_ROWS = 1000;

/** Groups that travel with their full diagnosis; a file with thousands of distinct denials sends the rest as samples. */
export const MAX_DETAILED_GROUPS = 200;

/** Groups listed at all: past this, denials are counted but no longer listed (a person reads a few dozen). */
export const MAX_GROUPS = 2000;

/** Regions listed per group (AWS has about 35): denials in further Regions, or in strings that are no Region, are only counted. */
export const MAX_GROUP_REGIONS = 40;

/** The IAM catalog holding at least the given actions: the server loads it from its data package, tests pass a fixed one. */
export type CatalogSource = (keys: ActionKey[]) => Promise<ActionCatalog>;

/** Turns batches of CloudTrail records into diagnosed groups, tallies and event rows for the stream. */
export interface DenialCollector {
  /** Diagnoses the denials among `records`: a `group` event per new group, a `denial` row per denial (MAX_ROWS in all). */
  add(records: CloudTrailRecord[]): Promise<LookupStreamEvent[]>;
  /** The tallies changed since the last call, as one `counts` event (null when none changed). */
  takeCounts(): LookupStreamEvent | null;
  /** At the end: a notice about denials of groups past MAX_GROUPS, which are counted but not listed. */
  unlistedNotice(): NoticeEvent | null;
  /** At the end: a notice about denials skipped because they nest deeper than MAX_JSON_DEPTH (null when none were). */
  tooDeepNotice(): NoticeEvent | null;
  readonly denialsFound: number;
}

/** The resource the fix names: the statement's scoped ARN (`bucket/*` for any object), else the denied resource. */
function fixScopeOf(finding: Finding): string | null {
  const resource = finding.fix.statement?.Resource;
  return typeof resource === "string" && resource !== "*" ? resource : finding.resource;
}

/** Denials group by the layer to change, the action and what the fix is scoped to: one fix per group. */
function groupKeyOf(finding: Finding): string {
  return [finding.layer, finding.action?.toLowerCase() ?? "", fixScopeOf(finding) ?? ""].join(" ");
}

/** The event in the CloudTrail console's event history, where the account can see it. */
export function cloudTrailConsoleUrl(record: CloudTrailRecord): string | null {
  const region = record.awsRegion;
  if (!region || !record.eventID) return null;
  const partition = parseArn(record.userIdentity?.arn ?? "")?.partition ?? "aws";
  return consoleUrl(
    { partition, region },
    `/cloudtrailv2/home?region=${region}#/events/${encodeURIComponent(record.eventID)}`,
  );
}

/** The fields a diagnosis reads, as CloudTrail JSON that POST /api/diagnose accepts. */
function sampleOf(record: CloudTrailRecord): string {
  const {
    eventSource,
    eventName,
    eventTime,
    eventID,
    awsRegion,
    errorCode,
    errorMessage,
    recipientAccountId,
    resources,
    userIdentity,
  } = record;
  return JSON.stringify({
    eventSource,
    eventName,
    eventTime,
    eventID,
    awsRegion,
    errorCode,
    errorMessage,
    recipientAccountId,
    resources,
    userIdentity,
  });
}

/**
 * Collects denials chosen by `select`. Every denial is diagnosed (the layer decides its group);
 * only a group's first denial travels with its full finding, later ones as tallies and table rows.
 * Console links are left out for events that exist in no account (the demo data).
 */
export function createDenialCollector(options: {
  select: (record: CloudTrailRecord) => boolean;
  linkToConsole: boolean;
  catalog: CatalogSource;
}): DenialCollector {
  const tallies = new Map<string, GroupCount>();
  const changed = new Set<GroupCount>();
  let denialsFound = 0;
  let unlisted = 0;
  let tooDeep = 0;

  return {
    get denialsFound() {
      return denialsFound;
    },
    takeCounts() {
      if (changed.size === 0) return null;
      const counts = [...changed].map((tally) => ({ ...tally, regions: [...tally.regions] }));
      changed.clear();
      return { type: "counts", counts };
    },
    unlistedNotice() {
      if (unlisted === 0) return null;
      return {
        type: "notice",
        code: "denials.unlisted",
        message:
          `${unlisted.toLocaleString("en")} more denial${unlisted === 1 ? "" : "s"} fell into groups past the first ` +
          `${MAX_GROUPS.toLocaleString("en")}: they are counted, not listed. Narrow the search to one role to see them.`,
      };
    },
    tooDeepNotice() {
      if (tooDeep === 0) return null;
      return {
        type: "notice",
        code: "denials.too-deep",
        message:
          `Skipped ${tooDeep.toLocaleString("en")} denial${tooDeep === 1 ? "" : "s"} nested more than ${MAX_JSON_DEPTH} levels ` +
          "deep, far more than CloudTrail writes: the data is damaged or is not CloudTrail.",
      };
    },
    async add(records) {
      const chosen = records.filter((record) => {
        if (!options.select(record)) return false;
        if (!nestedDeeperThan(record, MAX_JSON_DEPTH)) return true;
        tooDeep++;
        return false;
      });
      if (chosen.length === 0) return [];
      const denials = chosen.map(denialFromRecord);
      const catalog = await options.catalog(actionKeys(denials));
      const events: LookupStreamEvent[] = [];
      chosen.forEach((record, index) => {
        const finding = diagnoseRecord(denials[index]!, catalog, `group-${tallies.size + 1}`);
        const key = groupKeyOf(finding);
        let tally = tallies.get(key);
        if (!tally && tallies.size >= MAX_GROUPS) {
          unlisted++;
          return;
        }
        if (!tally) {
          const detailed = tallies.size < MAX_DETAILED_GROUPS;
          tally = { key, count: 0, firstSeen: "", lastSeen: "", regions: [] };
          tallies.set(key, tally);
          events.push({
            type: "group",
            group: {
              key,
              layer: finding.layer,
              action: finding.action,
              resource: fixScopeOf(finding),
              finding: detailed ? finding : null,
              // Every group keeps its first record, so a saved snapshot can be re-run by a later engine.
              sample: sampleOf(record),
            },
          });
        }
        count(tally, record);
        changed.add(tally);
        if (denialsFound + index < MAX_ROWS)
          events.push({ type: "denial", event: rowOf(record, key, options.linkToConsole) });
      });
      denialsFound += chosen.length;
      return events;
    },
  };
}

/** A Region name as AWS spells them; anything else in `awsRegion` is counted, not listed. */
const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;

function count(tally: GroupCount, record: CloudTrailRecord): void {
  const time = record.eventTime ?? "";
  tally.count++;
  if (time && (!tally.firstSeen || time < tally.firstSeen)) tally.firstSeen = time;
  if (time > tally.lastSeen) tally.lastSeen = time;
  const region = record.awsRegion ?? "";
  if (!region || tally.regions.includes(region)) return;
  if (REGION.test(region) && tally.regions.length < MAX_GROUP_REGIONS) tally.regions.push(region);
  else tally.deniedInUnlistedRegions = (tally.deniedInUnlistedRegions ?? 0) + 1;
}

function rowOf(record: CloudTrailRecord, groupKey: string, linkToConsole: boolean): DeniedEvent {
  return {
    id: record.eventID ?? "",
    time: record.eventTime ?? "",
    region: record.awsRegion ?? "",
    source: record.eventSource,
    name: record.eventName,
    principal: record.userIdentity?.arn ?? null,
    errorCode: record.errorCode ?? null,
    groupKey,
    consoleUrl: linkToConsole ? cloudTrailConsoleUrl(record) : null,
  };
}
