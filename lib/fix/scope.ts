import type { DenialRecord } from "../model";
import type { ActionCatalog, ResourceTypeInfo } from "../iam";
import {
  isAccountId,
  namedResource,
  nestedArnOf,
  parseArn,
  resourceRoleNameWithPath,
  routedModelsArn,
  typesAlsoNeeded,
} from "../iam";
import { splitAction } from "../iam";
import type { Subject } from "../iam";
import { kebabCase } from "../kebab-case";
import {
  compile,
  fillAny,
  fillFromValues,
  matchTemplate,
  namesEvery,
  shownValue,
  type CompiledTemplate,
  type RequestedValues,
} from "./arn-template";
import { generatedIdSlot, tagOnCreateNote } from "./created-resource";
import { ephemeralId } from "./ephemeral-resource";
import { addPlaceholders } from "./placeholders";
import { addOtherRequiredResources, extraTypesNote, joinNotes, oneOfNote, taggingNote } from "./resource-types";

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

/** The message's ARN read against the action's resource types: the type it is and the values it holds. */
function matchingType(
  types: ResourceTypeInfo[],
  arn: string,
): { type: ResourceTypeInfo; values: Map<string, string> } | null {
  for (const type of types) {
    const values = matchTemplate(compile(type.arnFormat), arn);
    if (!values) continue;
    for (const slot of ["Region", "Account"])
      if (values.get(slot) === "" && !AWS_OWNED_NAME.test(parseArn(arn)?.resource ?? "")) values.delete(slot);
    return { type, values };
  }
  return null;
}

/**
 * AWS's own resources of a regional type leave the account empty (`arn:aws:ssm:us-east-1::parameter/aws/service/…`,
 * `…::automation-definition/AWS-RunPatchBaseline`); any other empty Region or account where the type has one is a
 * writer's redaction (`arn:aws:elasticmapreduce:::cluster/*`), which the subject's own, or a placeholder, replaces.
 */
const AWS_OWNED_NAME = /^[\w-]{1,60}\/\/?(?:aws\/|AWS|Amazon)/;

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
 * An ARN of no known type, with a hidden account field (`*****`) replaced by the subject's account; AWS's own account
 * (`arn:aws:cloudformation:…:aws:transform/Serverless-2016-10-31`) stays.
 */
function withShownAccount(arn: string, account: string): string {
  const parsed = parseArn(arn);
  if (!parsed || parsed.account === "" || parsed.account === "aws" || isAccountId(parsed.account)) return arn;
  return `arn:${parsed.partition}:${parsed.service}:${parsed.region}:${account}:${parsed.resource}`;
}

/**
 * An ARN cut after its account field (`arn:aws:glue:us-east-1:123456789012`) read as the action's account-level
 * resource, the one type whose ARN holds no name (Glue's `…:catalog`); null for any other text, or when no such type.
 */
function accountLevelArn(resource: string | null, types: ResourceTypeInfo[]): string | null {
  const fields = resource?.startsWith("arn:") ? resource.split(":") : [];
  if (fields.length !== 5) return null;
  const [, partition, service, region, account] = fields;
  const type = types.find((candidate) => compile(candidate.arnFormat).lastResourceVariable === null);
  if (!type || !type.arnFormat.includes(`:${service}:`)) return null;
  const values = new Map([
    ["Partition", partition!],
    ["Region", region!],
    ["Account", account!],
  ]);
  return fillAny(compile(type.arnFormat), values);
}

/**
 * The type to scope to without an ARN: the one whose every name the request gave, else the one the operation names
 * (CreateLogGroup → log-group, for logs:TagResource's many types), else the plain required one.
 */
function preferredType(
  types: ResourceTypeInfo[],
  requested: RequestedValues,
  operation: string | null,
): ResourceTypeInfo | undefined {
  const plain = types.filter((type) => !/accesspoint|multiregion|accessgrant/i.test(type.name));
  const named = requested ? plain.find((type) => namesEvery(compile(type.arnFormat), requested)) : undefined;
  const noun = operation ? kebabNoun(operation) : null;
  const operated = noun ? plain.find((type) => type.name === noun) : undefined;
  return named ?? operated ?? parentmost(plain.filter((type) => type.required)) ?? plain[0] ?? types[0];
}

/**
 * Of the types an action requires one of, the one with the fewest names in its ARN: a table before its streams
 * (dynamodb:TagResource requires "stream or table"), the resource a caller most often means.
 */
function parentmost(types: ResourceTypeInfo[]): ResourceTypeInfo | undefined {
  const slots = (type: ResourceTypeInfo) => compile(type.arnFormat).slots.length;
  return types.reduce<ResourceTypeInfo | undefined>(
    (best, type) => (!best || slots(type) < slots(best) ? type : best),
    undefined,
  );
}

/** The resource an operation acts on, as IAM names resource types: CreateLogGroup → log-group. */
function kebabNoun(operation: string): string | null {
  const noun = /^[A-Z][a-z]+([A-Z][A-Za-z]*)$/.exec(operation)?.[1];
  return noun ? kebabCase(noun) : null;
}

function locationValues(subject: Subject): Map<string, string> {
  return new Map<string, string>()
    .set("Partition", subject.partition)
    .set("Region", subject.region)
    .set("Account", subject.account);
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
  const { dependentActions } = info;
  if (info.resourceTypes.length === 0) {
    return knownScope(
      action,
      dependentActions,
      ["*"],
      `${action} does not support resource-level permissions, so the statement must use "*".`,
    );
  }
  const types = info.resourceTypes;
  const requested = record.requestValues;
  const parsedArn = subject.resourceArn ? parseArn(subject.resourceArn) : null;
  // SSM's `arn:aws:ssm:eu-central-1:123456789012:*`: AWS could not name the parameter (an empty or malformed name).
  const unnamed = service === "ssm" && parsedArn?.resource === "*";
  // An ARN passed as a name (`deliverystream/arn:…`): the statement is for the resource meant, once the call names it.
  const nested = nestedArnOf(subject.resourceArn);
  const arn = nested ?? (parsedArn && !unnamed ? subject.resourceArn : accountLevelArn(record.resource, types));
  if (arn) {
    const match = matchingType(types, arn);
    const ephemeral = match ? ephemeralId(service, match.type.name, subject.caller, info.name) : null;
    if (ephemeral) match?.values.set(ephemeral.slot, ephemeral.value);
    const location = locationValues(subject);
    const values = locationValues(subject);
    // The ARN's own location wins, when it shows one; a type without that slot (S3's empty Region) leaves the subject's.
    match?.values.forEach((value, slot) => {
      if (shownValue(slot, value)) values.set(slot, value);
    });
    const primary = match
      ? fillFromValues(compile(match.type.arnFormat), match.values, location)
      : withShownAccount(arn, subject.account);
    const covered = match?.type ?? wildcardType(types, arn, values);
    const resources = [primary];
    if (info.tagging) return knownScope(action, dependentActions, resources, taggingNote(action, covered));
    const alsoNeeded = covered ? typesAlsoNeeded(action, covered.name) : null;
    if (covered && alsoNeeded) {
      // Today only an inference profile implies another type: the foundation models it routes to.
      if (alsoNeeded.length > 0) resources.push(routedModelsArn(primary, subject.partition));
      return knownScope(action, dependentActions, resources, oneOfNote(action, covered.name, alsoNeeded));
    }
    addOtherRequiredResources(action, resources, types, covered, values, requested);
    return knownScope(
      action,
      dependentActions,
      resources,
      joinNotes(ephemeral?.note ?? null, extraTypesNote(action, types, covered)),
    );
  }
  const type = preferredType(types, requested, record.operation);
  if (!type) return knownScope(action, dependentActions, ["*"], null);
  const compiled = compile(type.arnFormat);
  const values = locationValues(subject);
  for (const name in requested) values.set(name, requested[name]!);
  const stated = namedResource(record.resource);
  // An ARN cut short is no name: glued into a name slot it would make an ARN inside an ARN.
  const named = stated && !stated.includes("*") && !stated.startsWith("arn:") ? stated : null;
  if (named && compiled.lastResourceVariable)
    values.set(compiled.lastResourceVariable, nameValue(service, compiled, named));
  if (subject.bucket) values.set("BucketName", subject.bucket);
  const generated = values.has(compiled.lastResourceVariable ?? "")
    ? null
    : generatedIdSlot(info.name, type.name, compiled);
  if (generated) values.set(generated, "*");
  const resource = fillFromValues(compiled, values);
  const hidden = unnamed
    ? `AWS named no ${type.name} (the resource ends in ":*"): the request most likely sent an empty or malformed ` +
      `name. Check the name your code sends; grant the ${type.name} it should name, never every SSM resource.`
    : hiddenValuesNote(type.name, resource);
  const created = generated
    ? `AWS gives the new ${type.name} its id when ${info.name} creates it, so the statement names any ${type.name} ("*").`
    : null;
  const tagOnCreate = tagOnCreateNote(service, info.name);
  const bareSecret = service === "secretsmanager" && named && !named.startsWith("arn:") ? BARE_SECRET_NOTE : null;
  const resources = [resource];
  if (info.tagging)
    return knownScope(action, dependentActions, resources, joinNotes(hidden, created, taggingNote(action, type)));
  addOtherRequiredResources(action, resources, types, type, values, requested);
  const typesNote = extraTypesNote(action, types, type);
  return knownScope(
    action,
    dependentActions,
    resources,
    joinNotes(hidden, created, typesNote, tagOnCreate, bareSecret),
  );
}

const BARE_SECRET_NOTE =
  "A secret named by its name alone is looked up in the caller's own account and Region: if it lives in another " +
  "account, the call must name its full ARN, and that secret's resource policy and its KMS key's policy must also " +
  "allow the caller.";

const LOCATION_PLACEHOLDERS = new Set(["PARTITION", "REGION", "ACCOUNT_ID"]);
const LOCATION_WORDS: Record<string, string> = { PARTITION: "partition", REGION: "Region", ACCOUNT_ID: "account" };

/**
 * What a scoped ARN's placeholders say the message left out: the resource itself, or only where it is (the message
 * named the role or secret, not its Region or account); null when the ARN has no placeholder.
 */
function hiddenValuesNote(typeName: string, resource: string): string | null {
  const holes: string[] = [];
  addPlaceholders(resource, holes);
  if (holes.length === 0) return null;
  if (holes.some((hole) => !LOCATION_PLACEHOLDERS.has(hole)))
    return `The message does not name the ${typeName}: replace the <placeholders> with yours.`;
  const words = holes.map((hole) => LOCATION_WORDS[hole]).join(" or ");
  const replaced = holes.map((hole) => `<${hole}>`).join(" and ");
  return `The message does not show the ${typeName}'s ${words}: replace ${replaced} with yours.`;
}

/** A resource's name as its ARN holds it: a secret's random suffix and a role's path, which no message shows. */
function nameValue(service: string, compiled: CompiledTemplate, name: string): string {
  if (service === "secretsmanager") return `${name}-*`;
  return compiled.lastResourceVariable === "RoleNameWithPath" ? resourceRoleNameWithPath(name) : name;
}

/** The scope of an action the IAM reference lists, built as one literal so every scope has the same shape. */
function knownScope(action: string, dependentActions: string[], resources: string[], note: string | null): Scope {
  return { action, known: true, dependentActions, resources, note };
}
