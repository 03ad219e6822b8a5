import { parseDocument } from "yaml";

/**
 * A CloudTrail record pasted as YAML (Panther's rule fixtures, `yq -P`, a CloudFormation-minded writer), read with the
 * `yaml` library into the value its JSON would parse to.
 */

/** A key every record holds: texts without it are not read at all. */
const RECORD_KEY = "eventName:";

/**
 * The record (or list of records) a YAML text spells out; null when the text is no YAML mapping (or list of them) with
 * a string `eventName`. Aliases are refused, so a pasted alias bomb expands nothing.
 */
export function recordOfYaml(text: string): unknown {
  if (!text.includes(RECORD_KEY)) return null;
  const document = parseDocument(withFirstIndentRestored(text), { uniqueKeys: false });
  if (document.errors.length > 0) return null;
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: 0 });
  } catch {
    return null;
  }
  const records = Array.isArray(value) ? value : [value];
  return records.length > 0 && records.every(isRecord) ? value : null;
}

function isRecord(value: unknown): boolean {
  return (
    typeof value === "object" && value !== null && typeof (value as { eventName?: unknown }).eventName === "string"
  );
}

/**
 * A block copied from an indented file and trimmed as a whole loses its first line's indent only: that line is put
 * back level with the least indented line after it (a record always has top-level keys after its first).
 */
function withFirstIndentRestored(text: string): string {
  const lines = text.split(/\r?\n/);
  const first = lines[0] ?? "";
  if (first.startsWith(" ") || lines.length < 2) return text;
  const indents = lines
    .slice(1)
    .filter((line) => line.trim() !== "")
    .map((line) => line.length - line.trimStart().length);
  const least = Math.min(...indents);
  return least > 0 && Number.isFinite(least) ? `${" ".repeat(least)}${text}` : text;
}
