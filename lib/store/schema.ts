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

/** One LookupEvents budget (account or endpoint, and Region): the row a replica locks while it takes a turn. */
interface PacerBudgetsTable {
  budget: string;
}

/** A budget's recent request turns: when each started, when its answer came back, until when its holder owns it. */
interface PacerTurnsTable {
  id: string;
  budget: string;
  started_at: Date;
  finished_at: Date | null;
  lease_until: Date;
}

/** A token bucket of a rate limit, by limit and client. */
interface RateBucketsTable {
  key: string;
  tokens: number;
  updated_at: Date;
}

/** One running lookup or upload of a client, held by a replica while its lease is renewed. */
interface ClientSlotsTable {
  id: string;
  kind: string;
  client: string;
  lease_until: Date;
}

/** An assumed role's session credentials, sealed (AES-256-GCM) by the app, under the hash of their cache key. */
interface SessionCredentialsTable {
  key_hash: string;
  sealed: string;
  expires_at: Date;
}

/** Every table the app's code reads or writes. */
export interface Database {
  snapshots: SnapshotsTable;
  runs: RunsTable;
  audit: AuditTable;
  pacer_budgets: PacerBudgetsTable;
  pacer_turns: PacerTurnsTable;
  rate_buckets: RateBucketsTable;
  client_slots: ClientSlotsTable;
  session_credentials: SessionCredentialsTable;
}
