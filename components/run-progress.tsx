import type { LookupState } from "@/lib/run";
import { formatBytes, formatSeconds, formatTime, plural } from "./format";
import type { RunPhase } from "./use-stream-run";

const PHASE_WORDS: Record<Exclude<RunPhase, "idle">, string> = {
  starting: "Starting…",
  running: "Reading…",
  finished: "Finished",
  cancelled: "Cancelled: showing what was found before you stopped it",
  failed: "Stopped",
};

/** The run's state in a few words; a run that stopped early never says "Finished". */
function heading(
  phase: Exclude<RunPhase, "idle">,
  state: LookupState | undefined,
  uploading: { sentBytes: number; totalBytes: number } | null,
): string {
  if (uploading) return `Uploading ${formatBytes(uploading.sentBytes)} of ${formatBytes(uploading.totalBytes)}…`;
  if (phase === "finished" && state?.done?.partial)
    return `Stopped early, after ${Math.round(state.progress.fraction * 100)}%: the results are partial`;
  return PHASE_WORDS[phase];
}

/** How far a lookup or upload has got: a bar, the counts, the time left, and the plan's notes. */
export function RunProgress({
  phase,
  state,
  unit,
}: {
  phase: Exclude<RunPhase, "idle">;
  state: LookupState | undefined;
  unit: "lookup" | "upload";
}) {
  const progress = state?.progress;
  // The browser hears nothing back until the upload is sent, so until then the upload is the progress.
  const uploading =
    state?.upload && !state.start && state.upload.sentBytes < state.upload.totalBytes ? state.upload : null;
  const fraction = uploading ? uploading.sentBytes / Math.max(1, uploading.totalBytes) : (progress?.fraction ?? 0);
  const percent = Math.round((state?.done && !state.done.partial ? 1 : fraction) * 100);
  const counts = progress
    ? [
        unit === "lookup" ? plural(progress.pagesRead, "page") + " read" : null,
        `${plural(progress.eventsScanned, unit === "lookup" ? "event" : "record")} scanned`,
        `${plural(progress.denialsFound, "denial")} found`,
        progress.retries > 0 ? `${plural(progress.retries, "request")} retried` : null,
      ].filter(Boolean)
    : [];
  const covered =
    unit === "lookup" && state?.start?.window && progress?.reachedBack
      ? `back to ${formatTime(progress.reachedBack)}`
      : null;
  const remaining =
    phase === "running" && progress?.etaSeconds ? `about ${formatSeconds(progress.etaSeconds)} left` : null;
  const finished = state?.done ? `in ${formatSeconds(state.done.seconds)}` : null;
  return (
    <section
      aria-label="Progress"
      className="space-y-2 rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="font-semibold" role="status">
          {heading(phase, state, uploading)} {phase === "finished" && finished}
        </p>
        <p className="text-sm text-slate-600 tabular-nums dark:text-slate-400">
          {[covered, remaining].filter(Boolean).join(" · ")}
        </p>
      </div>
      <div
        role="progressbar"
        aria-label={unit === "lookup" ? "Share of the time window searched" : "Share of the file read"}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="h-2.5 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
      >
        <div
          className="h-full rounded-full bg-indigo-600 transition-[width] duration-500 dark:bg-indigo-400"
          style={{ width: `${percent}%` }}
        />
      </div>
      <p className="text-sm text-slate-700 tabular-nums dark:text-slate-300" data-testid="run-counts">
        {counts.join(" · ") || "Waiting for the first page…"}
      </p>
      {state?.start && state.start.notes.length > 0 && (
        <ul className="list-disc space-y-0.5 pl-5 text-xs text-slate-600 dark:text-slate-400">
          {state.start.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
