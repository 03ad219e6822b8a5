import { EMPTY_PROGRESS, type DenialGroupHead, type DeniedEvent, type LookupProgress, type LookupStreamEvent } from "./events";

export interface DenialGroup extends DenialGroupHead {
  count: number;
  firstSeen: string;
  lastSeen: string;
  regions: string[];
}

/** Everything a lookup or upload has streamed so far, folded into what the page shows. */
export interface LookupState {
  start: Extract<LookupStreamEvent, { type: "start" }> | null;
  progress: LookupProgress;
  groups: DenialGroup[];
  /** Rows in the order they arrived, at most MAX_ROWS of them; `hiddenRows` counts the rest. */
  rows: DeniedEvent[];
  hiddenRows: number;
  notices: { code: string; message: string }[];
  error: { code: string; message: string } | null;
  done: Extract<LookupStreamEvent, { type: "done" }> | null;
}

/** The raw-events table stops growing here: the groups still count every denial. */
export const MAX_ROWS = 1000;

export const INITIAL_LOOKUP_STATE: LookupState = {
  start: null,
  progress: EMPTY_PROGRESS,
  groups: [],
  rows: [],
  hiddenRows: 0,
  notices: [],
  error: null,
  done: null,
};

/** Folds a batch of stream events into the state, immutably, as React wants. */
export function reduceLookup(state: LookupState, events: LookupStreamEvent[]): LookupState {
  let next = { ...state, groups: [...state.groups], rows: state.rows };
  const newRows: DeniedEvent[] = [];
  for (const event of events) {
    switch (event.type) {
      case "start":
        next.start = event;
        break;
      case "progress":
        next.progress = event.progress;
        break;
      case "group":
        next.groups.push({ ...event.group, count: 0, firstSeen: "", lastSeen: "", regions: [] });
        break;
      case "denial":
        countDenial(next.groups, event.event);
        newRows.push(event.event);
        break;
      case "notice":
        next.notices = [...next.notices, { code: event.code, message: event.message }];
        break;
      case "error":
        next.error = { code: event.code, message: event.message };
        break;
      case "done":
        next = { ...next, done: event, progress: event.progress };
        break;
    }
  }
  if (newRows.length > 0) {
    const room = Math.max(0, MAX_ROWS - next.rows.length);
    next.rows = [...next.rows, ...newRows.slice(0, room)];
    next.hiddenRows += Math.max(0, newRows.length - room);
  }
  return next;
}

function countDenial(groups: DenialGroup[], row: DeniedEvent): void {
  const index = groups.findIndex((group) => group.key === row.groupKey);
  const group = groups[index];
  if (!group) return;
  groups[index] = {
    ...group,
    count: group.count + 1,
    firstSeen: !group.firstSeen || row.time < group.firstSeen ? row.time : group.firstSeen,
    lastSeen: row.time > group.lastSeen ? row.time : group.lastSeen,
    regions: group.regions.includes(row.region) ? group.regions : [...group.regions, row.region],
  };
}

/** Rows newest first, whichever order the Regions or the file delivered them in. */
export function newestFirst(rows: DeniedEvent[]): DeniedEvent[] {
  return [...rows].sort((a, b) => b.time.localeCompare(a.time));
}

/** Groups most frequent first, then most recent. */
export function rankGroups(groups: DenialGroup[]): DenialGroup[] {
  return [...groups].sort((a, b) => b.count - a.count || b.lastSeen.localeCompare(a.lastSeen));
}
