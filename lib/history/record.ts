import { fail, ok, type Result } from "../result";
import type { AuditEntry, RunEntry } from "./entry";
import type { HistoryStore } from "./store";

function failure(what: string, error: unknown) {
  return fail(
    "store.unavailable",
    `${what} could not be recorded: ${error instanceof Error ? error.message : String(error)}`,
  );
}

/**
 * Records a run (build it with `runEntryOf`). A database failure comes back as `store.unavailable`, never thrown,
 * so the caller's answer does not depend on it: log it and answer as usual.
 */
export async function recordRun(
  store: Pick<HistoryStore, "insertRun">,
  entry: RunEntry,
): Promise<Result<void, "store.unavailable">> {
  try {
    await store.insertRun(entry);
    return ok(undefined);
  } catch (error) {
    return failure("The run", error);
  }
}

/**
 * Records an AssumeRole the server made (or was refused) for a user, in the audit log. A database failure comes back
 * as `store.unavailable`, never thrown; a caller that must not act unaudited refuses the request on it.
 */
export async function recordAssumeRole(
  store: Pick<HistoryStore, "insertAudit">,
  entry: AuditEntry,
): Promise<Result<void, "store.unavailable">> {
  try {
    await store.insertAudit(entry);
    return ok(undefined);
  } catch (error) {
    return failure("The assumed role", error);
  }
}
