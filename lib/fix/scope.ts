import type { DenialRecord } from "../model";
import type { ActionCatalog, ResourceTypeInfo } from "../iam";
import { parseArn } from "../iam";
import { splitAction } from "../iam";
import type { Subject } from "../iam";

/** The action and resource ARNs a least-privilege statement should name. */
export interface Scope {
  action: string;
  /** False when the IAM reference data has no such action: a statement naming it would grant nothing. */
  known: boolean;
  /** What the IAM reference says a call of the action also needs, e.g. `iam:PassRole`. */
  dependentActions: string[];
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
function placeholderFor(variable: string): string {
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

/** Fills a template's location slots from `values` and every other slot with `*`: any resource of the type. */
function fillAny(compiled: CompiledTemplate, values: Map<string, string>): string {
  let out = compiled.literals[0]!;
  for (let slot = 0; slot < compiled.slots.length; slot++) {
    const name = compiled.slots[slot]!;
    const value = LOCATION_VARIABLES.has(name) ? (values.get(name) ?? placeholderFor(name)) : "*";
    out += value + compiled.literals[slot + 1]!;
  }
  return out;
}

/** The message's ARN read against the action's resource types: the type it is and the values it holds. */
function matchingType(
  types: ResourceTypeInfo[],
  arn: string,
): { type: ResourceTypeInfo; values: Map<string, string> } | null {
  for (const type of types) {
    const values = matchTemplate(compile(type.arnFormat), arn);
    if (values) return { type, values };
  }
  return null;
}

/**
 * The type a wildcard ARN of no template's shape takes in (`deploymentgroup:*` is every `deploymentgroup:${App}/${Group}`):
 * the text before its first `*` starts that type's any-resource ARN.
 */
function wildcardType(types: ResourceTypeInfo[], arn: string, values: Map<string, string>): ResourceTypeInfo | null {
  const star = arn.indexOf("*");
  if (star === -1) return null;
  const prefix = arn.slice(0, star);
  return types.find((type) => fillAny(compile(type.arnFormat), values).startsWith(prefix)) ?? null;
}

/**
 * The ARNs of the required resource types other than `covered`: IAM checks each one the request touches
 * (ec2:CreateNetworkInterface: the interface and the subnet), and a statement missing one is denied again.
 */
function otherRequiredResources(
  types: ResourceTypeInfo[],
  covered: ResourceTypeInfo | null,
  values: Map<string, string>,
): string[] {
  return types
    .filter((type) => type.required && type !== covered)
    .map((type) => fillAny(compile(type.arnFormat), values));
}

/** Notes on the resource types a statement names beyond the message's own, and the optional ones it leaves out. */
function extraTypesNote(action: string, types: ResourceTypeInfo[], covered: ResourceTypeInfo | null): string | null {
  const added = types.filter((type) => type.required && type !== covered).map((type) => type.name);
  const optional = types.filter((type) => !type.required).map((type) => type.name);
  const parts: string[] = [];
  if (added.length > 0)
    parts.push(
      `${action} also requires ${added.join(", ")}: the statement names any of them ("*"); narrow each to the ids your call uses.`,
    );
  if (optional.length > 0 && optional.length <= 4)
    parts.push(`If the request names a ${optional.join(" or ")}, IAM checks it too: add its ARN.`);
  return parts.length > 0 ? parts.join(" ") : null;
}

function joinNotes(...notes: (string | null)[]): string | null {
  const present = notes.filter((note): note is string => note !== null);
  return present.length > 0 ? present.join(" ") : null;
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
  if (!info) {
    const action = record.action ?? "<ACTION>";
    return {
      action,
      known: false,
      dependentActions: [],
      resources: [subject.resourceArn ?? record.resource ?? "*"],
      note:
        `${action} is not an action in the IAM reference data (a documentation example, a typo, or a service prefix ` +
        "the message spelled its own way), so a statement naming it would grant nothing: look the operation up in the " +
        "service's Service Authorization Reference page and grant the action listed there.",
    };
  }
  const action = `${service}:${info.name}`;
  const known = { action, known: true, dependentActions: info.dependentActions };
  if (info.resourceTypes.length === 0) {
    return {
      ...known,
      resources: ["*"],
      note: `${action} does not support resource-level permissions, so the statement must use "*".`,
    };
  }
  const types = info.resourceTypes;
  const arn = subject.resourceArn && parseArn(subject.resourceArn) ? subject.resourceArn : null;
  if (arn) {
    const match = matchingType(types, arn);
    const values = locationValues(subject);
    // The ARN's own location wins; a type without that slot (S3's empty Region) leaves the subject's.
    for (const [slot, value] of match?.values ?? []) if (value) values.set(slot, value);
    const primary = match ? fillFromValues(compile(match.type.arnFormat), match.values) : arn;
    const covered = match?.type ?? wildcardType(types, arn, values);
    return {
      ...known,
      resources: [primary, ...otherRequiredResources(types, covered, values)],
      note: extraTypesNote(action, types, covered),
    };
  }
  const type = preferredType(types);
  if (!type) return { ...known, resources: ["*"], note: null };
  const compiled = compile(type.arnFormat);
  const values = locationValues(subject);
  const named = record.resource && !record.resource.includes("*") ? record.resource : null;
  if (named && compiled.lastResourceVariable)
    values.set(compiled.lastResourceVariable, service === "secretsmanager" ? `${named}-*` : named);
  if (subject.bucket) values.set("BucketName", subject.bucket);
  const resource = fillFromValues(compiled, values);
  const hidden = resource.includes("<")
    ? `The message does not name the ${type.name}: replace the <placeholders> with yours.`
    : null;
  return {
    ...known,
    resources: [resource, ...otherRequiredResources(types, type, values)],
    note: joinNotes(hidden, extraTypesNote(action, types, type)),
  };
}
