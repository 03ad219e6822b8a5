import { closeCutJson, jsonValueEnd } from "./json-repair";

/** How a CloudTrail record's JSON begins: every record opens with its eventVersion. */
const RECORD_HEAD = '{"eventVersion"';
/** Cell separators of a query tool's table (steampipe and psql `|`, Athena's tab-separated download). */
const CELL_SEPARATORS = ["|", "\t"];

/**
 * The JSON of a CloudTrail record printed in a cell of a query's table row (steampipe's `aws_cloudtrail_trail_event`,
 * Athena), joined where the terminal wrapped it (`"AccessDenie` / `d"`) and closed where the cell cut it off. Null
 * when the text holds no record in a table cell.
 */
export function recordInTableCell(text: string): string | null {
  const start = text.indexOf(RECORD_HEAD);
  if (start === -1) return null;
  const lineStart = text.lastIndexOf("\n", start) + 1;
  const before = text.slice(lineStart, start);
  if (!CELL_SEPARATORS.some((separator) => before.includes(separator))) return null;
  // JSON strings hold no raw line breaks: every one inside the record is the terminal's wrap.
  const joined = text.slice(start).replace(/\r?\n/g, "");
  const end = jsonValueEnd(joined);
  return end === -1 ? closeCutJson(joined) : joined.slice(0, end);
}
