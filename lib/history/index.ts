/**
 * The portal's history of runs and audit log of assumed roles: the row a run's answer becomes (never its text), the
 * search (filters, visibility, cursor pages) and the JSON Lines export. The tables are lib/store's (`store.history`).
 */
export {
  MAX_RUN_ACTIONS,
  MAX_RUN_ROLES,
  runEntryOf,
  type AuditEntry,
  type RunAccount,
  type RunAnswer,
  type RunContext,
  type RunEntry,
} from "./entry";
export { auditJsonLines, auditLineOf, AUDIT_EXPORT_PAGE } from "./export";
export { recordAssumeRole, recordRun } from "./record";
export { historyRunOf, runFilterOf, searchHistory, type RunPage, type VisibleAccount } from "./search";
export { searchTermsOf, searchTextOf } from "./terms";
export type { AuditRange, HistoryStore, RowCursor, RunFilter } from "./store";
