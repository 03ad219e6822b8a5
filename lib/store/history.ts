import { sql, type Expression, type ExpressionBuilder, type Kysely, type Selectable, type SqlBool } from "kysely";
import {
  searchTermsOf,
  searchTextOf,
  type AuditEntry,
  type HistoryStore,
  type RunEntry,
  type RunFilter,
} from "../history";
import type { Database } from "./schema";

/** `%`, `_` and the escape character itself match literally in a LIKE pattern once escaped. */
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, "\\$&");

function matching(eb: ExpressionBuilder<Database, "runs">, filter: RunFilter) {
  const conditions: Expression<SqlBool>[] = [
    // An empty `or` is false: a filter that allows no account and not "none" matches nothing.
    eb.or([
      ...(filter.accountIds.length > 0 ? [eb("runs.account_id", "in", filter.accountIds)] : []),
      ...(filter.includeNoAccount ? [eb("runs.account_id", "is", null)] : []),
    ]),
  ];
  if (filter.terms.length > 0) conditions.push(sql<boolean>`${sql.ref("runs.terms")} @> ${filter.terms}::text[]`);
  if (filter.user) conditions.push(eb(sql`lower(${sql.ref("runs.user_name")})`, "=", filter.user));
  if (filter.text) conditions.push(eb("runs.search_text", "like", `%${likeLiteral(filter.text)}%`));
  return eb.and(conditions);
}

type RunRow = Pick<
  Selectable<Database["runs"]>,
  "id" | "at" | "user_name" | "kind" | "account_id" | "account_name" | "roles" | "actions" | "layers" | "finding_count"
> & { live_snapshot_id: string | null };

function runOf(row: RunRow): RunEntry {
  return {
    id: row.id,
    at: row.at,
    user: row.user_name,
    kind: row.kind,
    account: row.account_id === null ? null : { id: row.account_id, name: row.account_name ?? row.account_id },
    roles: row.roles,
    actions: row.actions,
    layers: row.layers,
    findingCount: row.finding_count,
    snapshotId: row.live_snapshot_id,
  };
}

function auditOf(row: Selectable<Database["audit"]>): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    user: row.user_name,
    accountId: row.account_id,
    roleArn: row.role_arn,
    sessionName: row.session_name,
    purpose: row.purpose,
    outcome: row.outcome,
  };
}

/** The history and audit store on an open, migrated database. */
export function historyStoreOn(db: Kysely<Database>): HistoryStore {
  return {
    async insertRun(entry) {
      await db
        .insertInto("runs")
        .values({
          id: entry.id,
          at: entry.at,
          user_name: entry.user,
          kind: entry.kind,
          account_id: entry.account?.id ?? null,
          account_name: entry.account?.name ?? null,
          roles: entry.roles,
          actions: entry.actions,
          layers: entry.layers,
          finding_count: entry.findingCount,
          snapshot_id: entry.snapshotId,
          terms: searchTermsOf(entry),
          search_text: searchTextOf(entry),
        })
        .execute();
    },
    async insertAudit(entry) {
      await db
        .insertInto("audit")
        .values({
          id: entry.id,
          at: entry.at,
          user_name: entry.user,
          account_id: entry.accountId,
          role_arn: entry.roleArn,
          session_name: entry.sessionName,
          purpose: entry.purpose,
          outcome: entry.outcome,
        })
        .execute();
    },
    async searchRuns(filter, cursor, limit, now) {
      const rows = await db
        .selectFrom("runs")
        .leftJoin("snapshots", (join) =>
          join
            .onRef("snapshots.id", "=", "runs.snapshot_id")
            .on((eb) => eb.or([eb("snapshots.expires_at", "is", null), eb("snapshots.expires_at", ">", now)])),
        )
        .select([
          "runs.id",
          "runs.at",
          "runs.user_name",
          "runs.kind",
          "runs.account_id",
          "runs.account_name",
          "runs.roles",
          "runs.actions",
          "runs.layers",
          "runs.finding_count",
          "snapshots.id as live_snapshot_id",
        ])
        .where((eb) => matching(eb, filter))
        .$if(cursor !== null, (query) =>
          query.where((eb) =>
            eb(eb.refTuple("runs.at", "runs.id"), "<", eb.tuple(cursor?.at ?? now, cursor?.id ?? "")),
          ),
        )
        .orderBy("runs.at", "desc")
        .orderBy("runs.id", "desc")
        .limit(limit)
        .execute();
      return rows.map(runOf);
    },
    async auditPage(range, cursor, limit) {
      const rows = await db
        .selectFrom("audit")
        .selectAll()
        .$if(range.from !== null, (query) => query.where("at", ">=", range.from ?? new Date(0)))
        .$if(range.to !== null, (query) => query.where("at", "<", range.to ?? new Date(0)))
        .$if(cursor !== null, (query) =>
          query.where((eb) => eb(eb.refTuple("at", "id"), ">", eb.tuple(cursor?.at ?? new Date(0), cursor?.id ?? ""))),
        )
        .orderBy("at")
        .orderBy("id")
        .limit(limit)
        .execute();
      return rows.map(auditOf);
    },
  };
}
