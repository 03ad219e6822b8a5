import { actionKeys, diagnoseRecord } from "../diagnose";
import { consoleUrl, parseArn } from "../iam";
import type { ActionCatalog, ActionKey } from "../iam";
import { denialFromRecord, utf8Length, type CloudTrailRecord } from "../parse";
import type { DenialGroupHead, DeniedEvent, Finding, GroupCount, LookupStreamEvent, NoticeEvent } from "../wire";
import { MAX_JSON_DEPTH, nestedDeeperThan } from "./json-depth";
import { callOf, createRetryTracker, transientFor } from "./retries";

/** Rows of the raw-events table the server sends; the tallies still count every denial. */
export const MAX_ROWS = 1000;

/** Groups that travel with their full diagnosis; a file with thousands of distinct denials sends the rest as samples. */
export const MAX_DETAILED_GROUPS = 200;

/** Groups listed at all: past this, denials are counted but no longer listed (a person reads a few dozen). */
export const MAX_GROUPS = 2000;

/** Regions listed per group (AWS has about 35): denials in further Regions, or in strings that are no Region, are only counted. */
export const MAX_GROUP_REGIONS = 40;

/**
 * The most bytes of JSON the fields a diagnosis reads (sampleOf) may take in one denial. Real denials take one or
 * two KiB (an encoded authorization message about three); a group repeats its denial's names a dozen times, so
 * with this bound MAX_GROUPS groups and MAX_ROWS rows fit in the stream's buffer whatever the file holds.
 */
export const MAX_DENIAL_JSON_BYTES = 8 * 1024;

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
  /** At the end: a notice about denials skipped because their fields take more than MAX_DENIAL_JSON_BYTES (null when none were). */
  tooLargeNotice(): NoticeEvent | null;
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
    requestParameters,
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
    // The fix names what the request named (the instance, the bucket): without it the sample's fix would differ.
    requestParameters,
    resources,
    userIdentity,
  });
}

/**
 * Collects denials chosen by `select`. Every denial is diagnosed (the layer decides its group);
 * only a group's first denial travels with its full finding, later ones as tallies and table rows.
 * A denial that a success of the same call follows within RETRY_WINDOW_MS (seen before it or after) is counted in a
 * separate group marked `transient`: when the success comes later, the denial moves there from its first group.
 * Console links are left out for events that exist in no account (the demo data).
 */
export function createDenialCollector(options: {
  select: (record: CloudTrailRecord) => boolean;
  /** The successes that can resolve a chosen denial (the same caller's records without an error). */
  succeeded: (record: CloudTrailRecord) => boolean;
  linkToConsole: boolean;
  catalog: CatalogSource;
}): DenialCollector {
  const tallies = new Map<string, GroupCount>();
  const heads = new Map<string, DenialGroupHead>();
  const retries = createRetryTracker<Waiting>();
  const changed = new Set<GroupCount>();
  let denialsFound = 0;
  let unlisted = 0;
  let tooDeep = 0;
  let tooLarge = 0;

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
    tooLargeNotice() {
      if (tooLarge === 0) return null;
      return {
        type: "notice",
        code: "denials.too-large",
        message:
          `Skipped ${tooLarge.toLocaleString("en")} denial${tooLarge === 1 ? "" : "s"} whose names and message take more than ` +
          `${MAX_DENIAL_JSON_BYTES / 1024} KiB, far more than CloudTrail writes: the data is damaged or is not CloudTrail.`,
      };
    },
    async add(records) {
      // Denials keep their place among the successes, which may resolve them: `order` holds both, in the batch's order.
      const chosen: CloudTrailRecord[] = [];
      const order: (number | CloudTrailRecord)[] = [];
      for (const record of records) {
        if (options.select(record)) {
          if (nestedDeeperThan(record, MAX_JSON_DEPTH)) tooDeep++;
          else if (utf8Length(sampleOf(record)) > MAX_DENIAL_JSON_BYTES) tooLarge++;
          else order.push(chosen.push(record) - 1);
        } else if (options.succeeded(record)) order.push(record);
      }
      if (order.length === 0) return [];
      const denials = chosen.map(denialFromRecord);
      const catalog = await options.catalog(actionKeys(denials));
      const events: LookupStreamEvent[] = [];
      for (const entry of order) {
        if (typeof entry !== "number") {
          moveResolvedBy(entry, events);
          continue;
        }
        const record = chosen[entry]!;
        const denial = denials[entry]!;
        const rowNumber = denialsFound++;
        const finding = diagnoseRecord(denial, catalog, `group-${tallies.size + 1}`);
        const key = groupKeyOf(finding);
        const waiting: Waiting = {
          key,
          eventName: record.eventName,
          time: record.eventTime ?? "",
          region: record.awsRegion ?? "",
        };
        const retried = retries.denied(callOf(record, denial.resource), Date.parse(waiting.time), waiting);
        const head = () => headOf(finding, record, key);
        const tally = retried
          ? tallyFor(retryKeyOf(key), () => transientHead(head(), record.eventName), events)
          : tallyFor(key, head, events);
        if (!tally) {
          unlisted++;
          continue;
        }
        count(tally, waiting.time, waiting.region);
        changed.add(tally);
        if (rowNumber < MAX_ROWS)
          events.push({ type: "denial", event: rowOf(record, tally.key, options.linkToConsole) });
      }
      return events;
    },
  };

  /** The group's tally, announcing the group (its head made by `head`) when it is new; null past MAX_GROUPS. */
  function tallyFor(key: string, head: () => DenialGroupHead, events: LookupStreamEvent[]): GroupCount | null {
    const known = tallies.get(key);
    if (known) return known;
    if (tallies.size >= MAX_GROUPS) return null;
    const group = head();
    const tally: GroupCount = { key, count: 0, firstSeen: "", lastSeen: "", regions: [] };
    tallies.set(key, tally);
    heads.set(key, group);
    events.push({ type: "group", group });
    return tally;
  }

  function headOf(finding: Finding, record: CloudTrailRecord, key: string): DenialGroupHead {
    const detailed = tallies.size < MAX_DETAILED_GROUPS;
    return {
      key,
      layer: finding.layer,
      action: finding.action,
      resource: fixScopeOf(finding),
      finding: detailed ? finding : null,
      // Every group keeps its first record, so a saved snapshot can be re-run by a later engine.
      sample: sampleOf(record),
    };
  }

  /** Moves the denials a success resolves out of their group, into its "resolved by retry" twin. */
  function moveResolvedBy(success: CloudTrailRecord, events: LookupStreamEvent[]): void {
    for (const waiting of retries.succeeded(callOf(success), Date.parse(success.eventTime ?? ""))) {
      const from = tallies.get(waiting.key);
      const base = heads.get(waiting.key);
      if (!from || !base) continue;
      const to = tallyFor(retryKeyOf(waiting.key), () => transientHead(base, waiting.eventName), events);
      if (!to) continue;
      from.count--;
      changed.add(from);
      count(to, waiting.time, waiting.region);
      changed.add(to);
    }
  }
}

/** A denial that no success has resolved yet: where it was counted, so a later success can move it. */
interface Waiting {
  key: string;
  eventName: string;
  time: string;
  region: string;
}

/** Resolved denials group apart from the ones to fix, by the same layer, action and scope. */
const retryKeyOf = (key: string) => `retry ${key}`;

function transientHead(head: DenialGroupHead, eventName: string): DenialGroupHead {
  return { ...head, key: retryKeyOf(head.key), transient: transientFor(eventName) };
}

/** A Region name as AWS spells them; anything else in `awsRegion` is counted, not listed. */
const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;

function count(tally: GroupCount, time: string, region: string): void {
  tally.count++;
  if (time && (!tally.firstSeen || time < tally.firstSeen)) tally.firstSeen = time;
  if (time > tally.lastSeen) tally.lastSeen = time;
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
