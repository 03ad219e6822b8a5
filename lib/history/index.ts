/**
 * The portal's history of runs and audit log of assumed roles: the row a run's answer becomes (never its text), the
 * search (filters, visibility, cursor pages) and the JSON Lines export. The tables are lib/store's (`store.history`).
 */
export { MAX_RUN_ACTIONS, MAX_RUN_ROLES, runEntryOf, type AuditEntry, type RunEntry } from "./entry";
/** What the routes pass to `runEntryOf` when they record a run. */
export type { RunAnswer, RunContext } from "./entry";
export { auditJsonLines } from "./export";
export { recordAssumeRole, recordRun } from "./record";
export { runFilterOf, searchHistory, type VisibleAccount } from "./search";
export { searchTermsOf, searchTextOf } from "./terms";
export type { AuditRange, HistoryStore, RowCursor, RunFilter } from "./store";
