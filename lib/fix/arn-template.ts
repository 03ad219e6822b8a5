import { isAccountId } from "../iam";

/** What a CloudTrail record's request named, by ARN template variable (`DenialRecord.requestValues`). */
export type RequestedValues = Record<string, string> | null;

const VARIABLE = /\$\{(\w+)\}/g;
const LOCATION_VARIABLES = new Set(["Partition", "Region", "Account"]);
/** API Gateway's ARN of the root resource ends in the method's "/": its path variable is empty (`…/prod/GET/`). */
const ROOT_PATH_VARIABLE = "ApiSpecificResourcePath";
/** Templates whose last variable names one exact resource, never widened to `*`: an API's method and path. */
const EXACT_TEMPLATES = /:execute-api:/;

/** An IAM ARN template split once into literal text and `${Variable}` slots, for matching and filling. */
export interface CompiledTemplate {
  /** Text around the slots: `literals[i]` precedes `slots[i]`, one more literal than slots. */
  literals: string[];
  slots: string[];
  /** The variable widened to `*` when the resource is a child of another: the last of two or more resource slots. */
  leaf: string | null;
  /** The last resource variable, which a bare resource name fills. */
  lastResourceVariable: string | null;
}

// Templates come from the IAM reference data, not from messages: each is compiled once per process.
const compiledTemplates = new Map<string, CompiledTemplate>();

/** The compiled form of an IAM ARN template, worked out on its first use. */
export function compile(template: string): CompiledTemplate {
  let compiled = compiledTemplates.get(template);
  if (!compiled) {
    compiled = compileTemplate(template);
    compiledTemplates.set(template, compiled);
  }
  return compiled;
}

function compileTemplate(template: string): CompiledTemplate {
  const literals: string[] = [];
  const slots: string[] = [];
  let last = 0;
  for (const match of template.matchAll(VARIABLE)) {
    literals.push(template.slice(last, match.index));
    slots.push(match[1]!);
    last = match.index + match[0].length;
  }
  literals.push(template.slice(last));
  const resourceSlots = slots.filter((name) => !LOCATION_VARIABLES.has(name));
  const lastResourceVariable = resourceSlots[resourceSlots.length - 1] ?? null;
  const widens = resourceSlots.length > 1 && !EXACT_TEMPLATES.test(template);
  return { literals, slots, leaf: widens ? lastResourceVariable : null, lastResourceVariable };
}

/**
 * Reads an ARN's values for a template's slots, or null when the ARN is not of that type. One pass,
 * no backtracking (a regex of several lazy groups is cubic on a crafted ARN): each slot runs to the
 * first occurrence of the text after it; a location slot may be empty but holds no ":"; a resource
 * slot holds at least one character; the last slot takes the rest. A repeated variable keeps its last value.
 */
export function matchTemplate(compiled: CompiledTemplate, arn: string): Map<string, string> | null {
  const { literals, slots } = compiled;
  if (!arn.startsWith(literals[0]!)) return null;
  const values = new Map<string, string>();
  let at = literals[0]!.length;
  for (let slot = 0; slot < slots.length; slot++) {
    const name = slots[slot]!;
    const after = literals[slot + 1]!;
    const minimum = LOCATION_VARIABLES.has(name) || name === ROOT_PATH_VARIABLE ? 0 : 1;
    let end: number;
    if (slot === slots.length - 1) end = arn.endsWith(after) ? arn.length - after.length : -1;
    else end = after ? arn.indexOf(after, at + minimum) : at + minimum;
    if (end < at + minimum) return null;
    const value = arn.slice(at, end);
    if (minimum === 0 && value.includes(":")) return null;
    values.set(name, value);
    at = end + after.length;
  }
  return at === arn.length ? values : null;
}

const placeholders = new Map<string, string>();
// Braces after `$` or `%` are a policy variable (`${aws:username}`) or a Terraform directive, not a writer's placeholder.
const PLACEHOLDER = /<[^<>\s]{1,40}>|(?<![$%])\{[^{}\s]{1,40}\}/g;
const WRITERS_BRACE = /(?<![$%])\{/;
const REGION_NAME = /^[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]{4,9}-\d{1,2}$/;

/** The placeholder for an IAM template variable, in the one spelling every fix uses: `BucketName` → `<BUCKET_NAME>`. */
function placeholderFor(variable: string): string {
  let placeholder = placeholders.get(variable);
  if (placeholder === undefined) {
    placeholder =
      variable === "Account" ? "<ACCOUNT_ID>" : `<${variable.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase()}>`;
    // Variables come from the IAM reference data, never from messages: the cache is bounded by the data.
    placeholders.set(variable, placeholder);
  }
  return placeholder;
}

/**
 * A message's value as a policy may name it, or null when the message hid it: an account id that is not 12 digits
 * (`*****`, `XXXXXXXXXXXX`, `0000000`), a Region that is no Region's name (`region`), an elision (`...`) or the writer's own placeholder (`<idOfGateway>`).
 */
export function shownValue(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  // "aws" is AWS's own account in the ARNs of what it publishes: `…:aws:transform/Serverless-2016-10-31`.
  if (name === "Account") return value === "" || value === "aws" || isAccountId(value) ? value : undefined;
  // A Region's own name or a wildcard; a word in its place (`region`, `REGION`) is the writer's redaction.
  if (name === "Region") return value === "" || value.includes("*") || REGION_NAME.test(value) ? value : undefined;
  const xRun = (value.charCodeAt(0) | 32) === 120 && /^x{3,}$/i.test(value);
  if (xRun || value.includes("...")) return undefined;
  return value.includes("<") || WRITERS_BRACE.test(value) ? withPlaceholdersStarred(value) : value;
}

/**
 * A name the writer masked in part (`vault_<region>-18f431c6`) keeps what it shows, each `<placeholder>` or
 * `{placeholder}` a `*`; a name that is all placeholder (`<bucket>`, `{the-queue-ARN}`) or holds a stray bracket is hidden.
 */
function withPlaceholdersStarred(value: string): string | undefined {
  const starred = value.replace(PLACEHOLDER, "*");
  const stray = starred.includes("<") || starred.includes(">") || WRITERS_BRACE.test(starred);
  return stray || /^\**$/.test(starred) ? undefined : starred;
}

/** Fills a template's slots from named values, a placeholder for those missing or hidden (the leaf becomes `*`). */
export function fillFromValues(
  compiled: CompiledTemplate,
  values: Map<string, string>,
  fallback?: Map<string, string>,
): string {
  let out = compiled.literals[0]!;
  for (let slot = 0; slot < compiled.slots.length; slot++) {
    const name = compiled.slots[slot]!;
    const value =
      name === compiled.leaf
        ? "*"
        : (shownValue(name, values.get(name)) ?? shownValue(name, fallback?.get(name)) ?? placeholderFor(name));
    out += value + compiled.literals[slot + 1]!;
  }
  return out;
}

/**
 * Fills a template's location slots from `values`, the slots the request named from `requested`, and every other
 * slot with `*`: any resource of the type, or the one the request named.
 */
export function fillAny(
  compiled: CompiledTemplate,
  values: Map<string, string>,
  requested: RequestedValues = null,
): string {
  let out = compiled.literals[0]!;
  for (let slot = 0; slot < compiled.slots.length; slot++) {
    const name = compiled.slots[slot]!;
    const value = LOCATION_VARIABLES.has(name)
      ? (values.get(name) ?? placeholderFor(name))
      : name === compiled.leaf
        ? "*"
        : (requested?.[name] ?? "*");
    out += value + compiled.literals[slot + 1]!;
  }
  return out;
}

/** True when the request named every resource slot of the template but its leaf. */
export function namesEvery(compiled: CompiledTemplate, requested: Record<string, string>): boolean {
  const names = compiled.slots.filter((name) => !LOCATION_VARIABLES.has(name) && name !== compiled.leaf);
  return names.length > 0 && names.every((name) => name in requested);
}
