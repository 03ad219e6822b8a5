import { isDenialRecord } from "../parse";
import type { TrailBatch, TrailResult } from "../trail";
import type { LookupProgress, LookupStreamEvent } from "../wire";
import type { Clock } from "./clock";
import { createDenialCollector, type CatalogSource } from "./denials";
import { isRoleDenial, isRoleSuccess, isSuccessRecord } from "./filter";
import { etaSeconds } from "./progress";
import type { RoleTarget } from "./role";

/** Said with every upload: which denials a trail file holds that LookupEvents never returns. */
const DATA_EVENTS_NOTE =
  "Trail files hold data events too (S3 object reads and writes, Lambda Invoke, DynamoDB item calls) when the trail " +
  "logs them; CloudTrail lookups never return those.";

export interface TrailScanInput {
  batches: AsyncGenerator<TrailBatch, TrailResult>;
  /** Only this role's denials; null keeps every denial in the file. */
  target: RoleTarget | null;
  /** The upload's size, when the client said it: the progress bar's 100%. */
  totalBytes: number | null;
}

export interface TrailScanDeps {
  clock: Clock;
  catalog: CatalogSource;
}

const REPORT_EVERY_MS = 250;

/**
 * Streams the denials of uploaded trail data with the same events as a lookup: start, groups and
 * denial rows as batches arrive, progress by bytes read, then done, or an error that explains why
 * the file could not be read (records found before it are kept).
 */
export async function* scanTrail(input: TrailScanInput, deps: TrailScanDeps): AsyncGenerator<LookupStreamEvent> {
  const { clock } = deps;
  const startedAt = clock.now();
  const { target } = input;
  const collector = createDenialCollector({
    select: target ? (record) => isRoleDenial(record, target) : isDenialRecord,
    succeeded: target ? (record) => isRoleSuccess(record, target) : isSuccessRecord,
    linkToConsole: true,
    catalog: deps.catalog,
  });
  let latest: TrailBatch = { records: [], bytesRead: 0, recordsScanned: 0, malformed: 0 };
  const progress = (finished: boolean): LookupProgress => {
    const fraction = finished ? 1 : input.totalBytes ? Math.min(0.99, latest.bytesRead / input.totalBytes) : 0;
    return {
      pagesRead: 0,
      eventsScanned: latest.recordsScanned,
      denialsFound: collector.denialsFound,
      fraction,
      etaSeconds: etaSeconds(fraction, (clock.now() - startedAt) / 1000),
      reachedBack: null,
      retries: 0,
    };
  };

  function* tallyAndProgress(finished: boolean): Generator<LookupStreamEvent> {
    const counts = collector.takeCounts();
    if (counts) yield counts;
    yield { type: "progress", progress: progress(finished) };
  }

  yield {
    type: "start",
    source: "upload",
    window: null,
    scans: [],
    notes: [
      target ? `Keeping the denials of ${target.roleName}.` : "Keeping every denial in the file.",
      DATA_EVENTS_NOTE,
    ],
  };
  let step = await input.batches.next();
  let reportedAt = -Infinity;
  try {
    while (!step.done) {
      latest = step.value;
      yield* await collector.add(latest.records);
      // A file arrives in thousands of batches: tallies and progress go out a few times a second, not per batch.
      if (latest.recordsScanned > 0 && clock.now() - reportedAt >= REPORT_EVERY_MS) {
        reportedAt = clock.now();
        yield* tallyAndProgress(false);
      }
      step = await input.batches.next();
    }
  } finally {
    // A reader that leaves early (the user cancelled) stops the file being read any further.
    if (!step.done)
      await input.batches.return({ ok: false, error: { code: "trail.truncated", message: "Cancelled." } });
  }
  const result = step.value;
  const counts = collector.takeCounts();
  if (counts) yield counts;
  const unlisted = collector.unlistedNotice();
  if (unlisted) yield unlisted;
  const tooDeep = collector.tooDeepNotice();
  if (tooDeep) yield tooDeep;
  const tooLarge = collector.tooLargeNotice();
  if (tooLarge) yield tooLarge;
  if (!result.ok) yield { type: "error", code: result.error.code, message: result.error.message };
  else if (result.malformed > 0) {
    yield {
      type: "notice",
      code: "trail.malformed",
      message:
        `Skipped ${result.malformed.toLocaleString("en")} record${result.malformed === 1 ? "" : "s"} ` +
        "that were not valid CloudTrail JSON.",
    };
  }
  yield {
    type: "done",
    progress: progress(result.ok),
    partial: !result.ok,
    cancelled: false,
    seconds: (clock.now() - startedAt) / 1000,
  };
}
