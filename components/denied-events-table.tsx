import { hiddenRows, newestFirst, type LookupState } from "@/lib/run";
import { cn } from "@/lib/cn";
import { callerLabel, formatTime, plural } from "./format";
import { FOCUS_RING } from "./ui/focus-ring";

/** A cell that never wraps: Regions and error codes are short, and read badly split. */
const CODE_CELL = "px-3 py-2 font-mono text-xs whitespace-nowrap";

/** The raw denied events behind the groups, newest first, each linked to the CloudTrail console. */
export function DeniedEventsTable({ state }: { state: LookupState }) {
  const rows = newestFirst(state.rows);
  const isDemo = state.start?.source === "demo";
  if (rows.length === 0) return null;
  return (
    <div className="space-y-2">
      <h2 id="events-heading" className="text-lg font-bold">
        Denied events
      </h2>
      <div
        tabIndex={0}
        role="region"
        aria-label="Denied events, newest first"
        className={cn(
          "relative max-h-[28rem] overflow-auto rounded-xl border border-slate-200 dark:border-slate-700",
          FOCUS_RING,
        )}
      >
        <table className="w-full min-w-[40rem] border-collapse text-left text-sm">
          <thead
            className={cn(
              "sticky top-0 bg-slate-100 text-xs tracking-wide text-slate-600 uppercase",
              "dark:bg-slate-800 dark:text-slate-300",
            )}
          >
            <tr>
              <th scope="col" className="px-3 py-2">
                Time
              </th>
              <th scope="col" className="px-3 py-2">
                Region
              </th>
              <th scope="col" className="px-3 py-2">
                Event
              </th>
              <th scope="col" className="px-3 py-2">
                Caller
              </th>
              <th scope="col" className="px-3 py-2">
                Error
              </th>
              <th scope="col" className="px-3 py-2">
                <span className="sr-only">CloudTrail console</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200 bg-white dark:divide-slate-700 dark:bg-slate-900">
            {rows.map((row) => (
              <tr key={`${row.id}-${row.time}`} data-testid="event-row">
                <td className="px-3 py-2 whitespace-nowrap tabular-nums">{formatTime(row.time)}</td>
                <td className={CODE_CELL}>{row.region}</td>
                {/* The event name may wrap after its service, so the table fits and its last column stays in view. */}
                <td className="px-3 py-2 font-mono text-xs">
                  {row.source.replace(".amazonaws.com", "")}:<wbr />
                  {row.name}
                </td>
                <td className="max-w-[12rem] truncate px-3 py-2 font-mono text-xs" title={row.principal ?? undefined}>
                  {callerLabel(row.principal)}
                </td>
                <td className={CODE_CELL}>{row.errorCode ?? ""}</td>
                <td className="px-3 py-2 text-right">
                  {row.consoleUrl ? (
                    <a
                      href={row.consoleUrl}
                      target="_blank"
                      rel="noopener noreferrer"
                      className={cn("text-xs font-semibold text-indigo-700 underline dark:text-indigo-300", FOCUS_RING)}
                    >
                      Open in CloudTrail<span className="sr-only"> (event {row.id})</span>
                    </a>
                  ) : (
                    <span className="text-xs text-slate-500 dark:text-slate-400">
                      {isDemo ? "demo event" : "no link"}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {hiddenRows(state) > 0 && (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          …and {plural(hiddenRows(state), "more denied event")}, counted in the groups above.
        </p>
      )}
    </div>
  );
}
