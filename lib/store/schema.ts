import type { ColumnType } from "kysely";

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

/** Every table the app's code reads or writes. */
export interface Database {
  snapshots: SnapshotsTable;
}
