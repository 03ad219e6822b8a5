/** Renders plain JSON values as Terraform HCL, YAML, or the compact JSON a shell argument wants. */

import { singleQuoted } from "./shell";

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

const SIMPLE_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
const PLAIN_YAML = /^[A-Za-z0-9_][A-Za-z0-9_./-]*$/;
const YAML_KEYWORD_OR_NUMBER = /^(true|false|null|yes|no|\d+)$/i;

// Snippets are built by string concatenation in loops, without per-node arrays or closures: this renders every fix of every finding.

const INDENTS = Array.from({ length: 12 }, (_, level) => "  ".repeat(level));

/** `level` two-space indents. */
function indentOf(level: number): string {
  return INDENTS[level] ?? "  ".repeat(level);
}

function isObject(value: Json): value is Json[] | { [key: string]: Json } {
  return value !== null && typeof value === "object";
}

/** What JSON.stringify escapes in a string: `"`, `\`, control characters and (lone) surrogates. */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/**
 * `JSON.stringify(text)`: the string as a JSON (and HCL) literal. Most strings here hold nothing to
 * escape, and wrapping those in quotes directly is cheaper than the JSON.stringify call.
 */
export function quote(text: string): string {
  return NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`;
}

/**
 * A string as an HCL literal. Terraform reads `${…}` and `%{…}` in any quoted string as a template, so an input's
 * value (an IAM policy variable such as `${aws:username}`, a hostile ARN) is escaped to `$${…}`/`%%{…}`, which
 * Terraform turns back into the literal text.
 */
export function hclQuote(text: string): string {
  const quoted = quote(text);
  // Quoting adds no "{": the text is searched rather than the quoted copy, which would have to be flattened first.
  return text.includes("{") ? quoted.replace(/([$%])\{/g, "$1$1{") : quoted;
}

/**
 * The keys of the policies and templates the fixes write (all spelled in code, none read from a message), each
 * spelled once per process instead of matched against the key patterns on every render.
 */
const FIXED_KEYS = new Map(
  [
    ...["Version", "Statement", "Sid", "Effect", "Principal", "Action", "Resource", "Condition", "AWS", "Service"],
    ...["ArnEquals", "ArnNotLike", "aws:PrincipalArn", "aws:SourceArn", "aws:SourceAccount", "StringEquals"],
    ...["Type", "Properties", "PolicyDocument"],
  ].map((key) => [key, { hcl: hclKey(key), yaml: yamlKey(key) }]),
);

function hclKeyOf(key: string): string {
  return FIXED_KEYS.get(key)?.hcl ?? hclKey(key);
}

function yamlKeyOf(key: string): string {
  return FIXED_KEYS.get(key)?.yaml ?? yamlKey(key);
}

function hclKey(key: string): string {
  return SIMPLE_KEY.test(key) ? key : hclQuote(key);
}

function yamlKey(key: string): string {
  return PLAIN_YAML.test(key) ? key : quote(key);
}

/** An HCL literal of a primitive, with the quoting fast path for strings. */
function scalarHcl(value: Json | undefined): string {
  return typeof value === "string" ? hclQuote(value) : JSON.stringify(value);
}

/** HCL for `jsonencode({...})`: keys quoted only when they need it. */
export function toHcl(value: unknown, indent = 0): string {
  const json = value as Json;
  if (Array.isArray(json)) return hclArray(json, indent);
  if (json !== null && typeof json === "object") return hclObject(json, indent);
  return scalarHcl(json);
}

function hclArray(items: Json[], indent: number): string {
  if (!items.some(isObject)) {
    let inline = "[";
    // `?? ""`: Array#join, which this replaces, printed undefined items as nothing.
    for (let index = 0; index < items.length; index++)
      inline += (index > 0 ? ", " : "") + (scalarHcl(items[index]) ?? "");
    return `${inline}]`;
  }
  const pad = indentOf(indent + 1);
  let out = "[\n";
  for (let index = 0; index < items.length; index++)
    out += (index > 0 ? ",\n" : "") + pad + toHcl(items[index], indent + 1);
  return `${out}\n${indentOf(indent)}]`;
}

function hclObject(object: { [key: string]: Json }, indent: number): string {
  const pad = indentOf(indent + 1);
  let out = "{\n";
  const keys = Object.keys(object);
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index]!;
    out += (index > 0 ? "\n" : "") + pad + hclKeyOf(key) + " = " + toHcl(object[key], indent + 1);
  }
  return `${out}\n${indentOf(indent)}}`;
}

function yamlScalar(value: Json): string {
  if (typeof value === "string")
    return PLAIN_YAML.test(value) && !YAML_KEYWORD_OR_NUMBER.test(value) ? value : quote(value);
  return JSON.stringify(value);
}

/** Block-style YAML lines for a JSON value, indented by `indent` levels. */
export function toYaml(value: unknown, indent = 0): string {
  return yamlBlock(value as Json, indent, indentOf(indent));
}

/** YAML for `json` at `indent` levels, its first line starting with `firstPad` instead of the indent (list items). */
function yamlBlock(json: Json, indent: number, firstPad: string): string {
  if (Array.isArray(json)) return yamlList(json, indent, firstPad);
  if (json !== null && typeof json === "object") return yamlMapping(json, indent, firstPad);
  return firstPad + yamlScalar(json);
}

function yamlList(items: Json[], indent: number, firstPad: string): string {
  const pad = indentOf(indent);
  let out = "";
  for (let index = 0; index < items.length; index++) {
    const item = items[index]!;
    out += (index > 0 ? `\n${pad}` : firstPad) + "- ";
    // A nested block starts on the dash's line: its own indent is dropped there (what trimStart did).
    out += isObject(item) ? yamlBlock(item, indent + 1, "") : yamlScalar(item);
  }
  return out;
}

function yamlMapping(object: { [key: string]: Json }, indent: number, firstPad: string): string {
  const pad = indentOf(indent);
  let out = "";
  const keys = Object.keys(object);
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index]!;
    const item = object[key]!;
    out += (index > 0 ? `\n${pad}` : firstPad) + yamlKeyOf(key);
    out += isObject(item) ? `:\n${yamlBlock(item, indent + 1, indentOf(indent + 1))}` : `: ${yamlScalar(item)}`;
  }
  return out;
}

/** A policy document as a single-quoted shell argument (single quotes inside are escaped). */
export function shellJson(value: unknown): string {
  return singleQuoted(JSON.stringify(value));
}

/** A policy document wrapping statements. */
export function policyDocument(statements: unknown[]): { Version: string; Statement: unknown[] } {
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

/** The character at `index`, upper-cased (only ASCII letters and digits reach here). */
function upperFirst(text: string, index: number): string {
  const code = text.charCodeAt(index);
  return code >= 97 && code <= 122 ? String.fromCharCode(code - 32) : text[index]!;
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
      out += upperFirst(part, wordStart) + part.slice(wordStart + 1, index);
      wordStart = -1;
    }
  }
  return out.slice(0, 100);
}
