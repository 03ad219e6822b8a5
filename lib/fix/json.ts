/**
 * JSON text of the plain values a fix holds, the text JSON.stringify writes for them, concatenated from a prepared
 * value (prepare) whose strings are quoted already: the statement is written as JSON beside its HCL and YAML.
 */

import { prepare, PreparedList, PreparedMapping, type Prepared } from "./prepared";

/** `JSON.stringify(value)` for a plain JSON value, which may be prepared. */
export function compactJson(value: unknown): string {
  return `${jsonOf(prepare(value), null)}`;
}

/** `JSON.stringify(value, null, 2)` for a plain JSON value, which may be prepared. */
export function prettyJson(value: unknown): string {
  return `${jsonOf(prepare(value), "\n")}`;
}

/**
 * The JSON of `value`, undefined where JSON.stringify leaves a value out (undefined, a function).
 * `lineStart` is null for compact output, else the newline and indent of the line the value is on.
 */
function jsonOf(value: Prepared, lineStart: string | null): string | undefined {
  if (value instanceof PreparedList) return listJson(value, lineStart);
  if (value instanceof PreparedMapping) return mappingJson(value, lineStart);
  return value.json;
}

/** The newline and indent of a member one level down, or null for compact output. */
function deeper(lineStart: string | null): string | null {
  return lineStart === null ? null : `${lineStart}  `;
}

function listJson({ items }: PreparedList, lineStart: string | null): string {
  if (items.length === 0) return "[]";
  const inner = deeper(lineStart);
  const first = inner ?? "";
  const next = `,${first}`;
  let out = "[";
  for (let index = 0; index < items.length; index++)
    out += (index > 0 ? next : first) + (jsonOf(items[index]!, inner) ?? "null");
  return `${out}${lineStart ?? ""}]`;
}

function mappingJson({ keys, values }: PreparedMapping, lineStart: string | null): string {
  const inner = deeper(lineStart);
  const first = inner ?? "";
  const next = `,${first}`;
  let out = "{";
  let members = 0;
  for (let index = 0; index < keys.length; index++) {
    const member = jsonOf(values[index]!, inner);
    if (member === undefined) continue;
    const key = keys[index]!;
    out += (members++ > 0 ? next : first) + (inner === null ? key.json : key.prettyJson) + member;
  }
  return members === 0 ? "{}" : `${out}${lineStart ?? ""}}`;
}
