import { fail, ok, type Result } from "../result";
import type { HistoryQuery, HistoryRun } from "../wire";
import { decodeCursor, encodeCursor } from "./cursor";
import type { RunEntry } from "./entry";
import type { HistoryStore, RunFilter } from "./store";
import { queryTerms } from "./terms";

/** A configured account a user may see, as the search needs it. */
export interface VisibleAccount {
  accountId: string;
  name: string;
}

/** A page of the history: newest first, and the cursor of the next page (null on the last). */
export interface RunPage {
  runs: HistoryRun[];
  nextCursor: string | null;
}

/**
 * The filter a query stands for, within what the user may see: the runs of their visible accounts and runs in no
 * account; `account` (an id or a name) narrows to one of those — an account they may not see matches nothing.
 */
export function runFilterOf(query: HistoryQuery, visible: readonly VisibleAccount[]): RunFilter {
  const wanted = query.account?.toLowerCase();
  const accountIds = visible
    .filter((account) => !wanted || account.accountId === wanted || account.name.toLowerCase() === wanted)
    .map((account) => account.accountId);
  return {
    terms: queryTerms(query),
    user: query.user?.toLowerCase() ?? null,
    accountIds,
    includeNoAccount: !wanted,
    text: query.q?.toLowerCase() ?? null,
  };
}

/** A run as the wire sends it. */
function historyRunOf(entry: RunEntry): HistoryRun {
  return { ...entry, at: entry.at.toISOString() };
}

/**
 * One page of the runs a user may see that match `query`, newest first. A cursor this server did not make is
 * `request.invalid`.
 */
export async function searchHistory(
  store: Pick<HistoryStore, "searchRuns">,
  query: HistoryQuery,
  visible: readonly VisibleAccount[],
  now: Date,
): Promise<Result<RunPage, "request.invalid">> {
  const cursor = query.cursor === null ? null : decodeCursor(query.cursor);
  if (query.cursor !== null && cursor === null)
    return fail("request.invalid", "cursor is not one this server gave: start again from the first page.");
  // One row more than the page says whether another page follows.
  const rows = await store.searchRuns(runFilterOf(query, visible), cursor, query.limit + 1, now);
  const runs = rows.slice(0, query.limit);
  const last = runs.at(-1);
  return ok({
    runs: runs.map(historyRunOf),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
  });
}
