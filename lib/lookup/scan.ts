import { EventQueue } from "../async";
import type { CloudTrailRecord } from "../parse";
import type { AppError, Result } from "../result";
import type { LookupAttribute, LookupProgress, LookupSource, LookupStreamEvent, PlannedScan } from "../wire";
import type { Clock } from "./clock";
import { createDenialCollector, type CatalogSource } from "./denials";
import { isFatal, isRetryable, type LookupErrorCode } from "./errors";
import { isRoleDenial, isRoleSuccess } from "./filter";
import type { Pacer } from "./pacer";
import type { LookupPlan } from "./plan";
import { etaSeconds, windowFraction } from "./progress";
import { withRetry, type RetryPolicy } from "./retry";
import type { RoleTarget } from "./role";
import type { TimeWindow } from "./window";

export interface PageRequest {
  region: string;
  attribute: LookupAttribute | null;
  window: TimeWindow;
  nextToken: string | null;
}

export interface LookupPage {
  /** The page's events that parsed as CloudTrail records. */
  records: CloudTrailRecord[];
  /** Every event on the page, parsable or not. */
  eventCount: number;
  nextToken: string | null;
}

/** One LookupEvents call, converted to our types at the edge (lib/cloudtrail does it with the SDK). */
export interface PageSource {
  lookupPage(request: PageRequest, signal: AbortSignal): Promise<Result<LookupPage, LookupErrorCode>>;
}

export interface ScanDeps {
  pages: PageSource;
  pacerFor(region: string): Pacer;
  clock: Clock;
  retry: RetryPolicy;
  catalog: CatalogSource;
}

export interface ScanInput {
  target: RoleTarget;
  plan: LookupPlan;
  window: TimeWindow;
  source: LookupSource;
  /** Whose lookup this is (the route's client key): the Regions' pacers serve clients in turn. */
  client: string;
}

/**
 * How many events may wait unread before the scans stop fetching pages: a reader that stops reading (a tab in the
 * background, a stalled client) stops the lookup's CloudTrail calls too, and the server holds a bounded backlog.
 * Each page adds at most about a hundred events (its denials and groups, counts, progress).
 */
export const UNREAD_EVENTS_AHEAD = 200;

/** Where one planned scan has got to. */
interface ScanState {
  scan: PlannedScan;
  reachedBack: number;
  finished: boolean;
  /** When its first request went out; null until then. */
  startedAt: number | null;
}

/**
 * Reads every page of every planned scan — Regions in parallel, each paced to its own rate limit —
 * and streams the role's denials as they are found. A page that still fails after its retries ends
 * only its own scan; what was found stays. Aborting `signal` stops all requests at once.
 */
export async function* scanDenials(
  input: ScanInput,
  deps: ScanDeps,
  signal: AbortSignal,
): AsyncGenerator<LookupStreamEvent> {
  const startedAt = deps.clock.now();
  const stop = new AbortController();
  const onAbort = () => stop.abort(signal.reason);
  signal.addEventListener("abort", onAbort, { once: true });

  const window = { start: input.window.start.getTime(), end: input.window.end.getTime() };
  const states: ScanState[] = input.plan.scans.map((scan) => ({
    scan,
    reachedBack: window.end,
    finished: false,
    startedAt: null,
  }));
  const collector = createDenialCollector({
    select: (record) => isRoleDenial(record, input.target),
    succeeded: (record) => isRoleSuccess(record, input.target),
    linkToConsole: input.source !== "demo",
    catalog: deps.catalog,
  });
  const queue = new EventQueue<LookupStreamEvent>();
  const totals = { pagesRead: 0, eventsScanned: 0, retries: 0 };
  // Set inside the scans' callbacks, which TypeScript's narrowing cannot see: hence the widening cast.
  let fatal = null as AppError<LookupErrorCode> | null;
  let partial = false;

  const fractionOf = (state: ScanState) =>
    state.finished ? 1 : windowFraction(window.start, window.end, state.reachedBack);
  /** Regions run side by side, so the lookup ends with its slowest scan: each scan's own pace says when. */
  const secondsLeft = (): number | null => {
    let longest = 0;
    for (const state of states) {
      if (state.finished) continue;
      const eta =
        state.startedAt === null ? null : etaSeconds(fractionOf(state), (deps.clock.now() - state.startedAt) / 1000);
      if (eta === null) return null;
      longest = Math.max(longest, eta);
    }
    return longest;
  };
  const progress = (): LookupProgress => {
    const reachedBack = Math.min(...states.map((state) => state.reachedBack));
    return {
      ...totals,
      denialsFound: collector.denialsFound,
      fraction: states.reduce((sum, state) => sum + fractionOf(state), 0) / Math.max(1, states.length),
      etaSeconds: secondsLeft(),
      reachedBack: reachedBack < window.end ? new Date(reachedBack).toISOString() : null,
    };
  };

  const readScan = async (state: ScanState, signal: AbortSignal) => {
    const pacer = deps.pacerFor(state.scan.region);
    state.startedAt = deps.clock.now();
    let nextToken: string | null = null;
    do {
      const request: PageRequest = {
        region: state.scan.region,
        attribute: state.scan.attribute,
        window: input.window,
        nextToken,
      };
      const result = await withRetry(
        async () => {
          const slot = await pacer.acquire(signal, input.client);
          try {
            return await deps.pages.lookupPage(request, signal);
          } finally {
            slot.finished();
          }
        },
        { policy: deps.retry, clock: deps.clock, isRetryable, signal, onRetry: () => totals.retries++ },
      );
      if (!result.ok) {
        // Refused in one Region after another answered: not the credentials, but an SCP or a Region restriction there.
        const regional = result.error.code === "lookup.denied" && totals.pagesRead > 0;
        if (isFatal(result.error.code) && !regional) {
          fatal ??= result.error;
          stop.abort();
        } else {
          partial = true;
          const why = regional
            ? `CloudTrail refused LookupEvents there although other Regions answered: an SCP or a Region restriction probably denies it.`
            : result.error.message;
          queue.push({
            type: "notice",
            code: result.error.code,
            message: `Stopped reading ${state.scan.region}: ${why} Denials found before that are kept.`,
          });
        }
        return;
      }
      const page = result.value;
      totals.pagesRead++;
      totals.eventsScanned += page.eventCount;
      for (const record of page.records) {
        const time = Date.parse(record.eventTime ?? "");
        if (time < state.reachedBack) state.reachedBack = time;
      }
      nextToken = page.nextToken;
      state.finished = nextToken === null;
      queue.push(...(await collector.add(page.records)));
      const counts = collector.takeCounts();
      if (counts) queue.push(counts);
      queue.push({ type: "progress", progress: progress() });
      await queue.backlogAtMost(UNREAD_EVENTS_AHEAD, signal);
    } while (nextToken !== null && !stop.signal.aborted);
  };

  const readRegion = async (region: string, signal: AbortSignal) => {
    for (const state of states.filter((candidate) => candidate.scan.region === region)) {
      if (stop.signal.aborted) return;
      try {
        await readScan(state, signal);
      } catch (error) {
        if (!stop.signal.aborted) throw error;
      }
    }
  };

  queue.push({
    type: "start",
    source: input.source,
    window: { start: input.window.start.toISOString(), end: input.window.end.toISOString() },
    scans: input.plan.scans,
    notes: input.plan.notes,
  });
  const regions = [...new Set(input.plan.scans.map((scan) => scan.region))];
  // Each Region's requests listen on a signal of its own: on one shared signal, the SDK's and the pacer's listeners of
  // 11 Regions at once pass Node's limit of 10 and log MaxListenersExceededWarning. `stop` carries one listener.
  const regionReads = regions.map((region) => ({ region, stop: new AbortController() }));
  stop.signal.addEventListener("abort", () => regionReads.forEach((read) => read.stop.abort(stop.signal.reason)), {
    once: true,
  });
  const reading = Promise.all(regionReads.map((read) => readRegion(read.region, read.stop.signal))).finally(() =>
    queue.close(),
  );
  try {
    yield* queue;
    await reading;
  } finally {
    signal.removeEventListener("abort", onAbort);
    stop.abort();
    // Once the reader is gone, wait for in-flight requests to wind down so none outlives the lookup.
    await reading.catch(() => undefined);
  }
  const cancelled = signal.aborted;
  const unlisted = collector.unlistedNotice();
  if (unlisted) yield unlisted;
  const tooDeep = collector.tooDeepNotice();
  if (tooDeep) yield tooDeep;
  const tooLarge = collector.tooLargeNotice();
  if (tooLarge) yield tooLarge;
  if (fatal) yield { type: "error", ...fatal };
  yield {
    type: "done",
    progress: progress(),
    partial: partial || cancelled || fatal !== null,
    cancelled,
    seconds: (deps.clock.now() - startedAt) / 1000,
  };
}
