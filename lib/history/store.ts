import type { AuditEntry, RunEntry } from "./entry";

/** A place in a newest-first (runs) or oldest-first (audit) listing: the last row's time and id. */
export interface RowCursor {
  at: Date;
  id: string;
}

/** Which runs a search reads; every part must match. */
export interface RunFilter {
  /** Terms the run must all have (see `searchTermsOf`). */
  terms: string[];
  /** The user, lower case. */
  user: string | null;
  /** Runs in these accounts (by id)… */
  accountIds: string[];
  /** …and, when true, runs in no account. */
  includeNoAccount: boolean;
  /** A lower-case substring of the run's search text. */
  text: string | null;
}

/** Which audit entries an export reads: from (inclusive) and to (exclusive), each open when null. */
export interface AuditRange {
  from: Date | null;
  to: Date | null;
}

/** The database edge of the history and the audit log (implemented by lib/store on its tables). */
export interface HistoryStore {
  /** Saves a run; resolves once the database has committed it. */
  insertRun(entry: RunEntry): Promise<void>;
  /** Saves an audit entry; resolves once the database has committed it. */
  insertAudit(entry: AuditEntry): Promise<void>;
  /**
   * Up to `limit` runs matching `filter`, newest first (by time, then id), after `cursor` when given. A run's
   * `snapshotId` is null once that snapshot is gone at `now` (expired or deleted).
   */
  searchRuns(filter: RunFilter, cursor: RowCursor | null, limit: number, now: Date): Promise<RunEntry[]>;
  /** Up to `limit` audit entries in `range`, oldest first (by time, then id), after `cursor` when given. */
  auditPage(range: AuditRange, cursor: RowCursor | null, limit: number): Promise<AuditEntry[]>;
}
