import { parseEventTime, type TrailRecord } from "../../../trail-record";
import { toWireEvent, type WireEvent } from "./wire-event";

export const LOOKUP_ATTRIBUTE_KEYS = [
  "EventId",
  "EventName",
  "ReadOnly",
  "Username",
  "ResourceType",
  "ResourceName",
  "EventSource",
  "AccessKeyId",
] as const;

export type LookupAttributeKey = (typeof LOOKUP_ATTRIBUTE_KEYS)[number];

export interface LookupAttribute {
  key: LookupAttributeKey;
  value: string;
}

/** One page request, already validated. `afterRank` continues a previous page. */
export interface StoreQuery {
  region: string;
  attribute: LookupAttribute | null;
  startMs: number;
  endMs: number;
  limit: number;
  afterRank: number | null;
}

export interface StorePage {
  events: WireEvent[];
  /** Rank of the last event returned when more events match, for the next page's token. */
  continueAfterRank: number | null;
}

/** An event in its Region's newest-first order; `rank` is its position in that order. */
interface StoredEvent {
  rank: number;
  timeMs: number;
  wire: WireEvent;
}

interface RegionIndex {
  newestFirst: StoredEvent[];
  byAttribute: Map<LookupAttributeKey, Map<string, StoredEvent[]>>;
}

function definedValues(...candidates: (string | undefined)[]): Set<string> {
  return new Set(candidates.filter((value): value is string => value !== undefined));
}

/** Every value each lookup attribute matches in an event: one, none, or one per resource. */
function attributeValues(wire: WireEvent): [LookupAttributeKey, Set<string>][] {
  return [
    ["EventId", definedValues(wire.EventId)],
    ["EventName", definedValues(wire.EventName)],
    ["ReadOnly", definedValues(wire.ReadOnly)],
    ["Username", definedValues(wire.Username)],
    ["EventSource", definedValues(wire.EventSource)],
    ["AccessKeyId", definedValues(wire.AccessKeyId)],
    ["ResourceType", definedValues(...wire.Resources.map((resource) => resource.ResourceType))],
    ["ResourceName", definedValues(...wire.Resources.map((resource) => resource.ResourceName))],
  ];
}

function buildRegionIndex(newestFirst: StoredEvent[]): RegionIndex {
  const byAttribute = new Map<LookupAttributeKey, Map<string, StoredEvent[]>>();
  for (const event of newestFirst) {
    for (const [key, values] of attributeValues(event.wire)) {
      const byValue = byAttribute.get(key) ?? new Map<string, StoredEvent[]>();
      byAttribute.set(key, byValue);
      for (const value of values) {
        const list = byValue.get(value);
        if (list) list.push(event);
        else byValue.set(value, [event]);
      }
    }
  }
  return { newestFirst, byAttribute };
}

interface IncomingRecord {
  record: TrailRecord;
  timeMs: number;
  /** Position in the caller's list, the last tie-breaker. */
  order: number;
}

/** Newest first; events of the same second by eventID, then as given, so every event has one stable rank. */
function newestFirst(a: IncomingRecord, b: IncomingRecord): number {
  const idA = a.record.eventID ?? "";
  const idB = b.record.eventID ?? "";
  return b.timeMs - a.timeMs || (idA < idB ? -1 : idA > idB ? 1 : 0) || a.order - b.order;
}

/** First index whose element satisfies `predicate`, which must be false…false true…true over the list. */
function firstIndexWhere<T>(list: readonly T[], predicate: (item: T) => boolean): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (predicate(list[middle] as T)) high = middle;
    else low = middle + 1;
  }
  return low;
}

/**
 * CloudTrail events indexed the way LookupEvents reads them: per Region, newest first, and by
 * every lookup attribute, so a page costs a binary search plus the page itself.
 */
export class EventStore {
  private readonly regions: Map<string, RegionIndex>;

  private constructor(regions: Map<string, RegionIndex>) {
    this.regions = regions;
  }

  /** Indexes records (already validated against `trailRecordSchema`) by their `awsRegion`. */
  static fromRecords(records: readonly TrailRecord[]): EventStore {
    const byRegion = new Map<string, IncomingRecord[]>();
    records.forEach((record, order) => {
      const list = byRegion.get(record.awsRegion) ?? [];
      list.push({ record, timeMs: parseEventTime(record.eventTime), order });
      byRegion.set(record.awsRegion, list);
    });
    const regions = new Map<string, RegionIndex>();
    for (const [region, entries] of byRegion) {
      entries.sort(newestFirst);
      const events = entries.map(({ record, timeMs }, rank) => ({ rank, timeMs, wire: toWireEvent(record, timeMs) }));
      regions.set(region, buildRegionIndex(events));
    }
    return new EventStore(regions);
  }

  /** One page of matching events, newest first. */
  lookup(query: StoreQuery): StorePage {
    const index = this.regions.get(query.region);
    if (!index) return { events: [], continueAfterRank: null };
    const candidates = query.attribute
      ? (index.byAttribute.get(query.attribute.key)?.get(query.attribute.value) ?? [])
      : index.newestFirst;
    const windowStart = firstIndexWhere(candidates, (event) => event.timeMs <= query.endMs);
    const windowEnd = firstIndexWhere(candidates, (event) => event.timeMs < query.startMs);
    const { afterRank } = query;
    const pageStart =
      afterRank === null
        ? windowStart
        : Math.max(
            windowStart,
            firstIndexWhere(candidates, (event) => event.rank > afterRank),
          );
    const pageEnd = Math.min(windowEnd, pageStart + query.limit);
    const page = candidates.slice(pageStart, pageEnd);
    const last = page.at(-1);
    return {
      events: page.map((event) => event.wire),
      continueAfterRank: pageEnd < windowEnd && last ? last.rank : null,
    };
  }
}
