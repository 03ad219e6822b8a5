/** Renders plain JSON values as Terraform HCL, YAML, or the compact JSON a shell argument wants. */

import { compactJson } from "./json";
import {
  hclLiteral,
  prepare,
  PreparedList,
  PreparedMapping,
  quote,
  type Prepared,
  type PreparedScalar,
} from "./prepared";
import { singleQuoted } from "./shell";

// Snippets are built by string concatenation in loops, without per-node arrays or closures: this renders every fix of every finding.

const INDENTS = Array.from({ length: 12 }, (_, level) => "  ".repeat(level));

/** `level` two-space indents. */
function indentOf(level: number): string {
  return INDENTS[level] ?? "  ".repeat(level);
}

/** A string as an HCL literal, `${…}` and `%{…}` escaped so that Terraform reads no template in it. */
export function hclQuote(text: string): string {
  return hclLiteral(text, quote(text));
}

/** HCL for `jsonencode({...})`: keys quoted only when they need it. `value` may be prepared (prepare). */
export function toHcl(value: unknown, indent = 0): string {
  return hclOf(prepare(value), indent);
}

function hclOf(value: Prepared, indent: number): string {
  if (value instanceof PreparedList) return hclList(value, indent);
  if (value instanceof PreparedMapping) return hclMapping(value, indent);
  // Concatenated as the JSON.stringify result it stands for: an undefined value prints as "undefined".
  return `${value.hcl}`;
}

function hclList({ items, flat }: PreparedList, indent: number): string {
  if (flat) {
    let inline = "[";
    // `?? ""`: Array#join, which this replaces, printed undefined items as nothing.
    for (let index = 0; index < items.length; index++)
      inline += (index > 0 ? ", " : "") + ((items[index] as PreparedScalar).hcl ?? "");
    return `${inline}]`;
  }
  const pad = indentOf(indent + 1);
  const nextPad = `,\n${pad}`;
  let out = "[\n";
  for (let index = 0; index < items.length; index++)
    out += (index > 0 ? nextPad : pad) + hclOf(items[index]!, indent + 1);
  return `${out}\n${indentOf(indent)}]`;
}

function hclMapping({ keys, values }: PreparedMapping, indent: number): string {
  const pad = indentOf(indent + 1);
  const nextPad = `\n${pad}`;
  let out = "{\n";
  for (let index = 0; index < keys.length; index++)
    out += (index > 0 ? nextPad : pad) + keys[index]!.hcl + hclOf(values[index]!, indent + 1);
  return `${out}\n${indentOf(indent)}}`;
}

/** Block-style YAML lines for a JSON value, indented by `indent` levels. `value` may be prepared (prepare). */
export function toYaml(value: unknown, indent = 0): string {
  return yamlBlock(prepare(value), indent, indentOf(indent));
}

/** YAML for `value` at `indent` levels, its first line starting with `firstPad` instead of the indent (list items). */
function yamlBlock(value: Prepared, indent: number, firstPad: string): string {
  if (value instanceof PreparedList) return yamlList(value, indent, firstPad);
  if (value instanceof PreparedMapping) return yamlMapping(value, indent, firstPad);
  return firstPad + value.yaml;
}

function yamlList({ items }: PreparedList, indent: number, firstPad: string): string {
  const firstDash = `${firstPad}- `;
  const nextDash = `\n${indentOf(indent)}- `;
  let out = "";
  // A nested block starts on the dash's line: its own indent is dropped there (what trimStart did).
  for (let index = 0; index < items.length; index++)
    out += (index > 0 ? nextDash : firstDash) + yamlBlock(items[index]!, indent + 1, "");
  return out;
}

function yamlMapping({ keys, values }: PreparedMapping, indent: number, firstPad: string): string {
  const nextPad = `\n${indentOf(indent)}`;
  let out = "";
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index]!;
    const item = values[index]!;
    out +=
      (index > 0 ? nextPad : firstPad) +
      (item instanceof PreparedList || item instanceof PreparedMapping
        ? key.yamlNested + yamlBlock(item, indent + 1, indentOf(indent + 1))
        : key.yamlInline + item.yaml);
  }
  return out;
}

/** A policy document as a single-quoted shell argument (single quotes inside are escaped). May be prepared. */
export function shellJson(value: unknown): string {
  return singleQuoted(compactJson(value));
}

/** A policy document wrapping statements (a list, which may be prepared). */
export function policyDocument<Statements>(statements: Statements): { Version: string; Statement: Statements } {
  return { Version: "2012-10-17", Statement: statements };
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isLowerAlphanumeric(code: number): boolean {
  return (code >= 97 && code <= 122) || isDigit(code);
}

/**
 * A Terraform/CloudFormation-safe identifier from free text ("s3:ListBucket" → "s3_listbucket"):
 * lower-case letters and digits, each run of anything else one `separator`, none at either end.
 */
export function identifier(text: string, separator = "_"): string {
  const lower = text.toLowerCase();
  let out = "";
  let wordStart = -1;
  for (let index = 0; index <= lower.length; index++) {
    const inWord = index < lower.length && isLowerAlphanumeric(lower.charCodeAt(index));
    if (inWord && wordStart === -1) wordStart = index;
    if (inWord || wordStart === -1) continue;
    out += (out ? separator : "") + lower.slice(wordStart, index);
    wordStart = -1;
  }
  return out.slice(0, 60) || "whydenied";
}

/** `text.slice(start, end)` with its first character upper-cased (only ASCII letters and digits reach here). */
function capitalized(text: string, start: number, end: number): string {
  const code = text.charCodeAt(start);
  // A word that starts upper-case or with a digit is one slice, not a letter and the rest.
  return code >= 97 && code <= 122
    ? String.fromCharCode(code - 32) + text.slice(start + 1, end)
    : text.slice(start, end);
}

/**
 * A Sid: letters and digits only, as IAM requires; each word capitalised ("s3:get object" → "S3GetObject").
 * A part that is a whole `<PLACEHOLDER>` is left out: the user replaces the snippet's holes, not its Sid.
 */
export function sid(...parts: string[]): string {
  let out = "";
  for (const part of parts) {
    if (part.startsWith("<") && part.endsWith(">")) continue;
    let wordStart = -1;
    for (let index = 0; index <= part.length; index++) {
      const code = index < part.length ? part.charCodeAt(index) : -1;
      const inWord = isLetter(code) || isDigit(code);
      if (inWord && wordStart === -1) wordStart = index;
      if (inWord || wordStart === -1) continue;
      out += capitalized(part, wordStart, index);
      wordStart = -1;
    }
  }
  return out.slice(0, 100);
}
