import "server-only";
import { createPacer, systemClock, type Pacer } from "../lookup";

/** How far under the limit to stay: 10 ms a second absorbs timer and network jitter. */
const MARGIN_MS = 10;

const pacers = new Map<string, Pacer>();

/**
 * The process-wide pacer of one endpoint and Region. LookupEvents allows 2 requests/s per account
 * and Region however many lookups run, so concurrent lookups of one Region share a single pacer.
 */
export function pacerFor(endpoint: string, region: string, requestsPerSecond: number): Pacer {
  const key = `${endpoint} ${region} ${requestsPerSecond}`;
  let pacer = pacers.get(key);
  if (!pacer) {
    pacer = createPacer({ requestsPerSecond, marginMs: MARGIN_MS, clock: systemClock });
    pacers.set(key, pacer);
  }
  return pacer;
}
