"use client";

import { useState } from "react";
import { LAYER_INFO } from "@/lib/classify";
import { rankGroups, type DenialGroup } from "@/lib/run";
import { cn } from "@/lib/cn";
import { FindingCard } from "./FindingCard";
import { GroupDiagnosis } from "./GroupDiagnosis";
import { formatTime, plural } from "./format";
import { LAYER_CHIP } from "./layer-style";

/** Groups shown at first, and added per "Show more": a huge file can hold thousands. */
const PAGE = 25;

/** One row per (layer, action, resource): the short list of things to fix, each opening to its diagnosis. */
export function DenialGroups({ groups }: { groups: DenialGroup[] }) {
  const [shown, setShown] = useState(PAGE);
  const ranked = rankGroups(groups);
  return (
    <section aria-labelledby="groups-heading" className="space-y-3">
      <h2 id="groups-heading" className="text-lg font-bold">
        {plural(ranked.length, "fix", "fixes")} for{" "}
        {plural(
          ranked.reduce((sum, group) => sum + group.count, 0),
          "denial",
        )}
      </h2>
      <ol className="space-y-3">
        {ranked.slice(0, shown).map((group, index) => (
          <li key={group.key}>
            <details
              open={index === 0}
              data-testid="denial-group"
              data-layer={group.layer}
              className="group rounded-xl border border-slate-200 bg-white shadow-sm dark:border-slate-700 dark:bg-slate-900"
            >
              <summary
                className={cn(
                  "flex cursor-pointer list-none flex-wrap items-center gap-x-3 gap-y-1 rounded-xl p-4 hover:bg-slate-50",
                  "focus-visible:outline-2 focus-visible:outline-indigo-600 dark:hover:bg-slate-800/60",
                )}
              >
                <span aria-hidden="true" className="text-slate-400 transition-transform group-open:rotate-90">
                  ▶
                </span>
                <span className={cn("rounded-full px-2.5 py-0.5 text-xs font-semibold", LAYER_CHIP[group.layer])}>
                  {LAYER_INFO[group.layer].label}
                </span>
                <span className="font-mono text-sm font-semibold">{group.action ?? "unknown action"}</span>
                <span
                  className={cn(
                    "order-last w-full pl-7 font-mono text-xs break-all text-slate-600 sm:order-none sm:w-auto sm:min-w-0",
                    "sm:flex-1 sm:truncate sm:pl-0 dark:text-slate-400",
                  )}
                  title={group.resource ?? undefined}
                >
                  {group.resource ?? "resource not stated"}
                </span>
                <span className="rounded-md bg-slate-900 px-2 py-0.5 text-xs font-bold text-white tabular-nums dark:bg-slate-100 dark:text-slate-900">
                  ×{group.count}
                </span>
                <span className="w-full pl-7 text-xs text-slate-600 dark:text-slate-400">
                  First {formatTime(group.firstSeen)} · last {formatTime(group.lastSeen)} · {group.regions.join(", ")}
                </span>
              </summary>
              <div className="border-t border-slate-200 p-2 sm:p-4 dark:border-slate-700">
                {group.finding ? (
                  <FindingCard
                    finding={group.finding}
                    index={index}
                    label={`${plural(group.count, "denial")} like this one`}
                  />
                ) : (
                  <GroupDiagnosis
                    sample={group.sample ?? ""}
                    label={`${plural(group.count, "denial")} like this one`}
                  />
                )}
              </div>
            </details>
          </li>
        ))}
      </ol>
      {ranked.length > shown && (
        <button
          type="button"
          onClick={() => setShown(shown + PAGE)}
          className={cn(
            "rounded-lg border border-slate-300 px-4 py-2 text-sm font-semibold hover:bg-slate-100",
            "focus-visible:outline-2 focus-visible:outline-indigo-600 dark:border-slate-600",
            "dark:hover:bg-slate-800",
          )}
        >
          Show {Math.min(PAGE, ranked.length - shown)} more of{" "}
          {plural(ranked.length - shown, "less frequent fix", "less frequent fixes")}
        </button>
      )}
    </section>
  );
}
