import type { DenialRecord } from "../model";
import type { ActionCatalog, ResourceTypeInfo } from "../iam";
import { parseArn } from "../iam";
import { splitAction } from "../iam";
import type { Subject } from "../iam";

/** The action and resource ARNs a least-privilege statement should name. */
export interface Scope {
  action: string;
  resources: string[];
  /** Why the resource is what it is, when that is not obvious. */
  note: string | null;
}

const VARIABLE = /\$\{(\w+)\}/g;
const LOCATION_VARIABLES = new Set(["Partition", "Region", "Account"]);

/** An IAM ARN template split once into literal text and `${Variable}` slots, for matching and filling. */
interface CompiledTemplate {
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

function compile(template: string): CompiledTemplate {
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
  return { literals, slots, leaf: resourceSlots.length > 1 ? lastResourceVariable : null, lastResourceVariable };
}

/**
 * Reads an ARN's values for a template's slots, or null when the ARN is not of that type. One pass,
 * no backtracking (a regex of several lazy groups is cubic on a crafted ARN): each slot runs to the
 * first occurrence of the text after it; a location slot may be empty but holds no ":"; a resource
 * slot holds at least one character; the last slot takes the rest. A repeated variable keeps its last value.
 */
function matchTemplate(compiled: CompiledTemplate, arn: string): Map<string, string> | null {
  const { literals, slots } = compiled;
  if (!arn.startsWith(literals[0]!)) return null;
  const values = new Map<string, string>();
  let at = literals[0]!.length;
  for (let slot = 0; slot < slots.length; slot++) {
    const name = slots[slot]!;
    const after = literals[slot + 1]!;
    const minimum = LOCATION_VARIABLES.has(name) ? 0 : 1;
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

/** The placeholder for an IAM template variable, in the one spelling every fix uses: `BucketName` → `<BUCKET_NAME>`. */
export function placeholderFor(variable: string): string {
  return `<${variable.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase()}>`;
}

/** Fills a template's slots from named values, a placeholder for those missing (the leaf becomes `*`). */
function fillFromValues(compiled: CompiledTemplate, values: Map<string, string>): string {
  let out = compiled.literals[0]!;
  for (let slot = 0; slot < compiled.slots.length; slot++) {
    const name = compiled.slots[slot]!;
    out += (name === compiled.leaf ? "*" : (values.get(name) ?? placeholderFor(name))) + compiled.literals[slot + 1]!;
  }
  return out;
}

/** The template filled with the values an ARN of its type holds, or null when the ARN is not of this type. */
function rescope(template: string, arn: string): string | null {
  const compiled = compile(template);
  const values = matchTemplate(compiled, arn);
  return values ? fillFromValues(compiled, values) : null;
}

function preferredType(types: ResourceTypeInfo[]): ResourceTypeInfo | undefined {
  const plain = types.filter((type) => !/accesspoint|multiregion|accessgrant/i.test(type.name));
  return plain.find((type) => type.required) ?? plain[0] ?? types[0];
}

function locationValues(subject: Subject): Map<string, string> {
  return new Map([
    ["Partition", subject.partition],
    ["Region", subject.region],
    ["Account", subject.account],
  ]);
}

/**
 * Scopes a statement to the resource in the message, using the action's resource types from the
 * IAM reference: s3:ListBucket → the bucket ARN, s3:GetObject → `bucket/*`, wildcard-only → `*`.
 */
export function scopeFor(record: DenialRecord, subject: Subject, catalog: ActionCatalog): Scope {
  const [service, name] = splitAction(record.action ?? ":");
  const info = service && name ? catalog.action(service, name) : null;
  const action = info ? `${service}:${info.name}` : (record.action ?? "<ACTION>");
  if (!info) {
    return {
      action,
      resources: [subject.resourceArn ?? record.resource ?? "*"],
      note: "Action not in the IAM reference data; resource copied from the message.",
    };
  }
  if (info.resourceTypes.length === 0) {
    return {
      action,
      resources: ["*"],
      note: `${action} does not support resource-level permissions, so the statement must use "*".`,
    };
  }
  const arn = subject.resourceArn && parseArn(subject.resourceArn) ? subject.resourceArn : null;
  if (arn) {
    for (const type of info.resourceTypes) {
      const resource = rescope(type.arnFormat, arn);
      if (resource !== null) return { action, resources: [resource], note: null };
    }
    return { action, resources: [arn], note: null };
  }
  const type = preferredType(info.resourceTypes);
  if (!type) return { action, resources: ["*"], note: null };
  const compiled = compile(type.arnFormat);
  const values = locationValues(subject);
  const named = record.resource && !record.resource.includes("*") ? record.resource : null;
  if (named && compiled.lastResourceVariable)
    values.set(compiled.lastResourceVariable, service === "secretsmanager" ? `${named}-*` : named);
  if (subject.bucket) values.set("BucketName", subject.bucket);
  const resource = fillFromValues(compiled, values);
  const note = resource.includes("<")
    ? `The message does not name the ${type.name}: replace the <placeholders> with yours.`
    : null;
  return { action, resources: [resource], note };
}
