import type { ColumnType } from "kysely";
import type { Layer, RunKind } from "../wire";

/** The `snapshots` table as Kysely types it; `content` is JSON written as text and read back parsed, key order kept. */
interface SnapshotsTable {
  id: string;
  kind: string;
  content: ColumnType<unknown, string, never>;
  engine_version: string;
  created_at: ColumnType<Date, Date, never>;
  expires_at: ColumnType<Date | null, Date | null, never>;
  created_by: string | null;
  redacted: boolean;
  delete_token_hash: string;
}

/** The `runs` table: the portal's history (lib/history); `terms` and `search_text` are derived for the search. */
interface RunsTable {
  id: string;
  at: ColumnType<Date, Date, never>;
  user_name: string;
  kind: RunKind;
  account_id: string | null;
  account_name: string | null;
  roles: string[];
  actions: string[];
  layers: Layer[];
  finding_count: number;
  snapshot_id: string | null;
  terms: string[];
  search_text: string;
}

/** The `audit` table: every AssumeRole the portal made for a user. */
interface AuditTable {
  id: string;
  at: ColumnType<Date, Date, never>;
  user_name: string;
  account_id: string;
  role_arn: string;
  session_name: string;
  purpose: "lookup" | "authority";
  outcome: "ok" | "refused";
}

/** Every table the app's code reads or writes. */
export interface Database {
  snapshots: SnapshotsTable;
  runs: RunsTable;
  audit: AuditTable;
}
