import type { DenialRecord } from "../model";
import type { ActionCatalog, ResourceTypeInfo } from "../iam/catalog";
import { parseArn } from "../iam/arn";
import type { Subject } from "../iam/subject";

/** The action and resource ARNs a least-privilege statement should name. */
export interface Scope {
  action: string;
  resources: string[];
  /** Why the resource is what it is, when that is not obvious. */
  note: string | null;
}

const VARIABLE = /\$\{(\w+)\}/g;
const LOCATION_VARIABLES = new Set(["Partition", "Region", "Account"]);

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

interface CompiledTemplate {
  pattern: RegExp;
  names: string[];
}

const compiledTemplates = new Map<string, CompiledTemplate>();

function compile(template: string): CompiledTemplate {
  let compiled = compiledTemplates.get(template);
  if (!compiled) {
    const names: string[] = [];
    const source = escapeRegex(template).replace(/\\\$\\\{(\w+)\\\}/g, (_match, name: string) => {
      names.push(name);
      return LOCATION_VARIABLES.has(name) ? "([^:]*)" : "(.+?)";
    });
    compiled = { pattern: new RegExp(`^${source}$`), names };
    compiledTemplates.set(template, compiled);
  }
  return compiled;
}

/** Matches an ARN against an IAM ARN template and returns the variable values, or null. */
function matchTemplate(template: string, arn: string): Map<string, string> | null {
  const { pattern, names } = compile(template);
  const match = pattern.exec(arn);
  if (!match) return null;
  return new Map(names.map((name, index) => [name, match[index + 1] ?? ""]));
}

/** Fills a template; the last resource variable becomes `*` when the resource is a child of another. */
function fill(template: string, values: Map<string, string>, widenLeaf: boolean): string {
  const resourceVariables = [...template.matchAll(VARIABLE)].map((m) => m[1]!).filter((name) => !LOCATION_VARIABLES.has(name));
  const leaf = widenLeaf && resourceVariables.length > 1 ? resourceVariables[resourceVariables.length - 1] : null;
  return template.replace(VARIABLE, (_match, name: string) => (name === leaf ? "*" : (values.get(name) ?? `<${name}>`)));
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
  const [service = "", name = ""] = (record.action ?? ":").split(":");
  const info = service && name ? catalog.action(service, name) : null;
  const action = info ? `${service}:${info.name}` : (record.action ?? "<ACTION>");
  if (!info) {
    return { action, resources: [subject.resourceArn ?? record.resource ?? "*"], note: "Action not in the IAM reference data; resource copied from the message." };
  }
  if (info.resourceTypes.length === 0) {
    return { action, resources: ["*"], note: `${action} does not support resource-level permissions, so the statement must use "*".` };
  }
  const arn = subject.resourceArn && parseArn(subject.resourceArn) ? subject.resourceArn : null;
  if (arn) {
    for (const type of info.resourceTypes) {
      const values = matchTemplate(type.arnFormat, arn);
      if (values) return { action, resources: [fill(type.arnFormat, values, true)], note: null };
    }
    return { action, resources: [arn], note: null };
  }
  const type = preferredType(info.resourceTypes);
  if (!type) return { action, resources: ["*"], note: null };
  const values = locationValues(subject);
  const resourceVariables = [...type.arnFormat.matchAll(VARIABLE)].map((m) => m[1]!).filter((v) => !LOCATION_VARIABLES.has(v));
  const named = record.resource && !record.resource.includes("*") ? record.resource : null;
  if (named && resourceVariables.length > 0) values.set(resourceVariables[resourceVariables.length - 1]!, service === "secretsmanager" ? `${named}-*` : named);
  if (subject.bucket) values.set("BucketName", subject.bucket);
  const note = named ? null : `The message does not name the ${type.name}: replace the <placeholders> with yours.`;
  return { action, resources: [fill(type.arnFormat, values, true)], note };
}
