import type {
  DenialGroupHead,
  DeniedEvent,
  DoneEvent,
  ErrorEvent,
  GroupCount,
  LookupProgress,
  LookupStreamEvent,
  NoticeEvent,
  StartEvent,
} from "../wire";

/** Before the server's first progress line. */
const EMPTY_PROGRESS: LookupProgress = {
  pagesRead: 0,
  eventsScanned: 0,
  denialsFound: 0,
  fraction: 0,
  etaSeconds: null,
  reachedBack: null,
  retries: 0,
};

/** A group as the page shows it: its head and its tally so far. */
export type DenialGroup = DenialGroupHead & Omit<GroupCount, "key">;

/** Told by the browser, not the server: how much of an upload has been sent. */
interface UploadProgressEvent {
  type: "upload";
  sentBytes: number;
  totalBytes: number;
}

/** What a run's state is folded from: the server's stream, plus the browser's upload progress. */
export type RunEvent = LookupStreamEvent | UploadProgressEvent;

/** Everything a lookup or upload has streamed so far, folded into what the page shows. */
export interface LookupState {
  start: StartEvent | null;
  /** An upload's sending, before the server's progress takes over. */
  upload: Omit<UploadProgressEvent, "type"> | null;
  progress: LookupProgress;
  groups: DenialGroup[];
  /** Where each group sits in `groups`, so a tally updates one entry, not a scan of thousands. */
  groupIndex: ReadonlyMap<string, number>;
  /** The denied events the server sent, in the order they arrived (the server caps how many). */
  rows: DeniedEvent[];
  notices: Omit<NoticeEvent, "type">[];
  error: Omit<ErrorEvent, "type"> | null;
  done: DoneEvent | null;
}

export const INITIAL_LOOKUP_STATE: LookupState = {
  start: null,
  upload: null,
  progress: EMPTY_PROGRESS,
  groups: [],
  groupIndex: new Map(),
  rows: [],
  notices: [],
  error: null,
  done: null,
};

/** Folds a batch of stream events into the state, immutably, as React wants. */
export function reduceLookup(state: LookupState, events: RunEvent[]): LookupState {
  let next = { ...state };
  const newRows: DeniedEvent[] = [];
  const newGroups: DenialGroup[] = [];
  const counts: GroupCount[] = [];
  for (const event of events) {
    switch (event.type) {
      case "start":
        next.start = event;
        break;
      case "upload":
        next.upload = { sentBytes: event.sentBytes, totalBytes: event.totalBytes };
        break;
      case "progress":
        next.progress = event.progress;
        break;
      case "group":
        newGroups.push({ ...event.group, count: 0, firstSeen: "", lastSeen: "", regions: [] });
        break;
      case "denial":
        newRows.push(event.event);
        break;
      case "counts":
        counts.push(...event.counts);
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
  if (newRows.length > 0) next.rows = [...next.rows, ...newRows];
  if (newGroups.length > 0 || counts.length > 0) next = withGroupChanges(next, newGroups, counts);
  return next;
}

function withGroupChanges(state: LookupState, added: DenialGroup[], counts: GroupCount[]): LookupState {
  const groups = [...state.groups, ...added];
  let groupIndex = state.groupIndex;
  if (added.length > 0) {
    const index = new Map(groupIndex);
    added.forEach((group, offset) => index.set(group.key, state.groups.length + offset));
    groupIndex = index;
  }
  for (const count of counts) {
    const at = groupIndex.get(count.key);
    if (at !== undefined) groups[at] = { ...groups[at]!, ...count };
  }
  return { ...state, groups, groupIndex };
}

/** Denied events found but not sent as rows: the table says how many it leaves out. */
export function hiddenRows(state: LookupState): number {
  return Math.max(0, state.progress.denialsFound - state.rows.length);
}

/** Rows newest first, whichever order the Regions or the file delivered them in. */
export function newestFirst(rows: DeniedEvent[]): DeniedEvent[] {
  return [...rows].sort((a, b) => b.time.localeCompare(a.time));
}

/** Groups most frequent first, then most recent. */
export function rankGroups(groups: DenialGroup[]): DenialGroup[] {
  return [...groups].sort((a, b) => b.count - a.count || b.lastSeen.localeCompare(a.lastSeen));
}

/**
 * The groups to fix and, apart, those a retry resolved (most frequent first each); groups whose every denial moved
 * to its "resolved by retry" twin are left out.
 */
export function splitResolved(groups: DenialGroup[]): { toFix: DenialGroup[]; resolvedByRetry: DenialGroup[] } {
  const counted = rankGroups(groups.filter((group) => group.count > 0));
  return {
    toFix: counted.filter((group) => !group.transient),
    resolvedByRetry: counted.filter((group) => group.transient),
  };
}
