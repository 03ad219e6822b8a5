import "server-only";
import { serverEnv } from "../env";
import { fail, type Result } from "../result";
import { storeConfigOf } from "./config";
import { openStore, type Store, type StoreErrorCode } from "./open";

/** One per process, kept on globalThis so `next dev` reloads do not open the embedded database twice. */
const holder = globalThis as { whydeniedStore?: Promise<Result<Store, StoreErrorCode>> };

/**
 * The server's store, opened and migrated on first use (and at start-up by instrumentation.ts), shared by every
 * module with tables in it. A failed opening is not kept, so the next request tries again.
 */
export function processStore(): Promise<Result<Store, StoreErrorCode>> {
  holder.whydeniedStore ??= openStore(storeConfigOf(serverEnv())).then(
    (result) => {
      if (!result.ok) holder.whydeniedStore = undefined;
      return result;
    },
    (error: unknown) => {
      holder.whydeniedStore = undefined;
      return fail("store.unreachable", error instanceof Error ? error.message : "The store could not be opened.");
    },
  );
  return holder.whydeniedStore;
}
