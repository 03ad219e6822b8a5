/**
 * Log queries (CloudWatch Logs Insights, Athena, steampipe) print a CloudTrail record as a row: its fields flattened
 * into dotted names (`userIdentity.arn`), renamed by the query (`requestBucket`), or the whole record kept under
 * `@message`. This module folds such a row back into the record's own shape, so the record reader takes it whole.
 */

/** Names queries commonly give record fields, by the record path each stands for. */
const ALIASES: Readonly<Record<string, readonly string[]>> = {
  requestBucket: ["requestParameters", "bucketName"],
  bucketName: ["requestParameters", "bucketName"],
  requestKey: ["requestParameters", "key"],
  identityType: ["userIdentity", "type"],
  invokedBy: ["userIdentity", "invokedBy"],
  principalArn: ["userIdentity", "arn"],
  sessionIssuer: ["userIdentity", "sessionContext", "sessionIssuer", "arn"],
};

/** Row columns that hold where the call came from: an AWS service's calls come from its own name. */
const SOURCE_COLUMNS = ["source", "sourceIPAddress"];

/** A dotted name deeper than this is no record field a reader needs (`userIdentity.sessionContext.sessionIssuer.arn`). */
const MAX_PATH = 4;

type Row = Record<string, unknown>;

function isRow(value: unknown): value is Row {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The record a log-query row stands for: its `@message` record (an object, or its JSON text) with the row's dotted and
 * renamed columns folded in where the record lacks them. Empty columns (a query's blank cells) are left out. Any value
 * that is no such row passes unchanged.
 */
export function recordOfRow(value: unknown): unknown {
  if (!isRow(value) || !isQueryRow(value)) return value;
  const message = messageOf(value["@message"]);
  const record: Row = message ? structuredClone(message) : {};
  for (const [key, cell] of Object.entries(value)) {
    if (key === "@message" || cell === "" || cell === null || cell === undefined) continue;
    const path = ALIASES[key] ?? (key.includes(".") ? key.split(".", MAX_PATH + 1) : [key]);
    if (path.length <= MAX_PATH) setMissing(record, path, cell);
  }
  const identity = isRow(record.userIdentity) ? record.userIdentity : null;
  const source = SOURCE_COLUMNS.map((column) => value[column]).find(isServiceName);
  if (source && !identity?.arn && !identity?.invokedBy) setMissing(record, ["userIdentity", "invokedBy"], source);
  return record;
}

function isQueryRow(row: Row): boolean {
  return Object.keys(row).some(
    (key) => key === "@message" || key in ALIASES || (key.includes(".") && !key.startsWith("@")),
  );
}

function isServiceName(value: unknown): value is string {
  return typeof value === "string" && value.endsWith(".amazonaws.com") && !value.includes(" ");
}

function messageOf(value: unknown): Row | null {
  if (isRow(value)) return value;
  if (typeof value !== "string" || !value.trimStart().startsWith("{")) return null;
  try {
    const parsed = JSON.parse(value) as unknown;
    return isRow(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

/** Sets `path` in `target` to `cell` unless the record already holds a value there (the record's own word wins). */
function setMissing(target: Row, path: readonly string[], cell: unknown): void {
  let at = target;
  for (const step of path.slice(0, -1)) {
    const next = at[step];
    if (next !== undefined && !isRow(next)) return;
    if (next === undefined) at[step] = {};
    at = at[step] as Row;
  }
  const last = path[path.length - 1]!;
  if (at[last] === undefined || at[last] === "") at[last] = cell;
}
