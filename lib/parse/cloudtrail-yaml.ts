/**
 * A CloudTrail record pasted as YAML (Panther's rule fixtures, `yq -P`, a CloudFormation-minded writer): the block
 * mappings, lists and scalars such a record uses, read into the value its JSON would parse to. Anything else YAML can
 * say (anchors, block scalars, strings over several lines) makes the text no record of this kind.
 */

/** A key every record holds: texts without it are not read at all. */
const RECORD_KEY = "eventName:";
/** Deeper than any record's nesting (userIdentity → sessionContext → sessionIssuer → arn) with room to spare. */
const MAX_DEPTH = 12;

const KEY_LINE = /^([A-Za-z_@$][\w.@$-]{0,100}):(?:[ \t]+(.*))?$/;
const UNREAD_SCALAR_STARTS = ["|", ">", "&", "*", "!"];

interface Line {
  indent: number;
  content: string;
}

interface Read {
  value: unknown;
  next: number;
}

/** The record (or list of records) a YAML text spells out; null when the text is not YAML of this shape. */
export function recordOfYaml(text: string): unknown {
  if (!text.includes(RECORD_KEY)) return null;
  const lines: Line[] = [];
  for (const line of text.split(/\r?\n/)) {
    const content = line.trim();
    if (content === "" || content.startsWith("#") || content === "---") continue;
    lines.push({ indent: line.length - line.trimStart().length, content });
  }
  if (lines.length === 0) return null;
  restoreFirstIndent(lines);
  const read = readBlock(lines, 0, 0);
  return read && read.next === lines.length ? read.value : null;
}

/**
 * A pasted block trimmed as a whole loses its first line's indent only: that line stands level with the least indented
 * line after it (a record always has top-level keys after its first).
 */
function restoreFirstIndent(lines: Line[]): void {
  const first = lines[0]!;
  if (first.indent > 0 || lines.length < 2) return;
  const rest = Math.min(...lines.slice(1).map((line) => line.indent));
  if (rest > 0) first.indent = rest;
}

function isItem(content: string): boolean {
  return content === "-" || content.startsWith("- ");
}

function readBlock(lines: Line[], start: number, depth: number): Read | null {
  if (depth > MAX_DEPTH) return null;
  return isItem(lines[start]!.content) ? readList(lines, start, depth) : readMapping(lines, start, depth);
}

/** `first` stands in for the block's first line: a list item's `- key: value` read as `key: value`, further in. */
function readMapping(lines: Line[], start: number, depth: number, first = lines[start]!): Read | null {
  const indent = first.indent;
  const mapping: Record<string, unknown> = {};
  let at = start;
  while (at < lines.length && (at === start || lines[at]!.indent >= indent)) {
    const line = at === start ? first : lines[at]!;
    if (line.indent > indent || isItem(line.content)) return null;
    const match = KEY_LINE.exec(line.content);
    if (!match) return null;
    const [, key, rest] = match as unknown as [string, string, string | undefined];
    at++;
    if (rest) {
      if (UNREAD_SCALAR_STARTS.some((mark) => rest.startsWith(mark))) return null;
      mapping[key] = scalarOf(rest);
      continue;
    }
    const next = lines[at];
    // A key's block is deeper than the key; a list may also stand level with it.
    const opensBlock = next && (next.indent > indent || (next.indent === indent && isItem(next.content)));
    if (!opensBlock) {
      mapping[key] = null;
      continue;
    }
    const block = readBlock(lines, at, depth + 1);
    if (!block) return null;
    mapping[key] = block.value;
    at = block.next;
  }
  return { value: mapping, next: at };
}

function readList(lines: Line[], start: number, depth: number): Read | null {
  const indent = lines[start]!.indent;
  const list: unknown[] = [];
  let at = start;
  while (at < lines.length && lines[at]!.indent === indent && isItem(lines[at]!.content)) {
    const rest = lines[at]!.content.slice(1).trimStart();
    if (!KEY_LINE.test(rest)) {
      if (rest === "" || UNREAD_SCALAR_STARTS.some((mark) => rest.startsWith(mark))) return null;
      list.push(scalarOf(rest));
      at++;
      continue;
    }
    // `- key: value` opens a mapping whose keys line up with this first one.
    const first = { indent: indent + lines[at]!.content.length - rest.length, content: rest };
    const item = readMapping(lines, at, depth + 1, first);
    if (!item) return null;
    list.push(item.value);
    at = item.next;
  }
  if (at < lines.length && lines[at]!.indent > indent) return null;
  return { value: list, next: at };
}

/** A scalar as YAML reads it: quoted strings unquoted, `true`/`false`/`null`, empty flow `{}`/`[]`; the rest is text. */
function scalarOf(text: string): unknown {
  if (text.startsWith('"')) return doubleQuoted(text);
  if (text.startsWith("'") && text.endsWith("'") && text.length > 1) return text.slice(1, -1).replaceAll("''", "'");
  if (text === "true" || text === "false") return text === "true";
  if (text === "null" || text === "~") return null;
  if (text === "{}") return {};
  if (text === "[]") return [];
  return text;
}

function doubleQuoted(text: string): string {
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === "string" ? value : text;
  } catch {
    return text;
  }
}
