import type { DenialGroup } from "@/lib/run";
import { cn } from "@/lib/cn";
import { formatTime, plural } from "./format";
import { Badge } from "./ui/badge";
import { FOCUS_RING } from "./ui/focus-ring";

const CAUSE_LABEL = { retry: "Resolved by retry", "iam-propagation": "IAM eventual consistency" } as const;

/** Denials a success of the same call followed within minutes: nothing to fix, so listed apart and closed. */
export function ResolvedByRetry({ groups }: { groups: DenialGroup[] }) {
  const denials = groups.reduce((sum, group) => sum + group.count, 0);
  return (
    <details
      data-testid="resolved-by-retry"
      className="group rounded-xl border border-slate-200 bg-slate-50 dark:border-slate-700 dark:bg-slate-900/60"
    >
      <summary className={cn("flex cursor-pointer list-none items-center gap-3 rounded-xl p-4", FOCUS_RING)}>
        <span aria-hidden="true" className="text-slate-400 transition-transform group-open:rotate-90">
          ▶
        </span>
        <h2 className="text-base font-bold">Resolved by retry</h2>
        <span className="text-sm text-slate-600 dark:text-slate-400">
          {plural(denials, "transient denial")}: the same call by the same caller succeeded minutes later
        </span>
      </summary>
      <ul className="space-y-3 border-t border-slate-200 p-4 dark:border-slate-700">
        {groups.map((group) => (
          <li key={group.key} data-testid="retried-group" data-cause={group.transient?.cause} className="space-y-1">
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <Badge tone="neutral">{CAUSE_LABEL[group.transient?.cause ?? "retry"]}</Badge>
              <span className="font-mono text-sm font-semibold">{group.action ?? "unknown action"}</span>
              <span className="min-w-0 font-mono text-xs break-all text-slate-600 dark:text-slate-400">
                {group.resource ?? "resource not stated"}
              </span>
              <Badge tone="count">×{group.count}</Badge>
            </div>
            <p className="text-xs text-slate-600 dark:text-slate-400">
              First {formatTime(group.firstSeen)} · last {formatTime(group.lastSeen)} · {group.regions.join(", ")}
            </p>
            <p className="text-sm">{group.transient?.explanation}</p>
          </li>
        ))}
      </ul>
    </details>
  );
}
