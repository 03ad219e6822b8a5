import "server-only";
import { serverEnv } from "../env";
import { createPacer, createSharedPacer, systemClock, type Pacer, type TurnLedger } from "../lookup";
import { storeConfigOf } from "../store";
import { processStore } from "../store/process";
import { PAGE_TIMEOUT_MS } from "./page-source";

/** How far under the limit to stay: 10 ms a second absorbs timer and network jitter. */
const MARGIN_MS = 10;

/** How often a replica looks again for another replica's answer it is waiting on. */
const POLL_MS = 20;

/** A shared turn outlives the longest a page may take (then it is cut off and its slot finished), with room to spare. */
const LEASE_MS = PAGE_TIMEOUT_MS + 5_000;

const pacers = new Map<string, Pacer>();

/** The process store's ledger, opened on first use; a store that cannot be opened fails the waiting lookups. */
const processLedger: TurnLedger = {
  async take(...args) {
    return (await openedStore()).shared.pacerTurns.take(...args);
  },
  async finish(...args) {
    return (await openedStore()).shared.pacerTurns.finish(...args);
  },
};

async function openedStore() {
  const opened = await processStore();
  if (!opened.ok) throw new Error(`The shared LookupEvents pacer needs the database: ${opened.error.message}`);
  return opened.value;
}

/**
 * The pacer of one LookupEvents budget: `scope` (the account id in portal mode; the endpoint, or "aws", in single
 * mode) and Region. LookupEvents allows 2 requests/s per account and Region however many lookups run, so concurrent
 * lookups of one budget share a single pacer: within the process, and with a PostgreSQL store (DATABASE_URL) across
 * every replica using it, through the database's ledger of turns.
 */
export function pacerFor(scope: string, region: string, requestsPerSecond: number): Pacer {
  const key = `${scope} ${region} ${requestsPerSecond}`;
  let pacer = pacers.get(key);
  if (!pacer) {
    const shared = storeConfigOf(serverEnv()).kind === "postgres";
    pacer = shared
      ? createSharedPacer({
          ledger: processLedger,
          budget: `${scope} ${region}`,
          requestsPerSecond,
          marginMs: MARGIN_MS,
          pollMs: POLL_MS,
          leaseMs: LEASE_MS,
          clock: systemClock,
          onFinishError: (error) =>
            console.error(
              `[lookup] could not record a LookupEvents answer in the shared pacer (its turn holds until its lease ends): ${
                error instanceof Error ? error.message : String(error)
              }`,
            ),
        })
      : createPacer({ requestsPerSecond, marginMs: MARGIN_MS, clock: systemClock });
    pacers.set(key, pacer);
  }
  return pacer;
}
