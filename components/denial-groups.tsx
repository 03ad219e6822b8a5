"use client";

import { useState } from "react";
import { LAYER_INFO } from "@/lib/classify";
import { splitResolved, type DenialGroup } from "@/lib/run";
import { cn } from "@/lib/cn";
import { FindingCard } from "./finding-card";
import { GroupDiagnosis } from "./group-diagnosis";
import { formatTime, plural } from "./format";
import { LAYER_CHIP } from "./layer-style";
import { pinnedFirst } from "./pinned-order";
import { ResolvedByRetry } from "./resolved-by-retry";
import { Badge } from "./ui/badge";
import { Button } from "./ui/button";
import { FOCUS_RING } from "./ui/focus-ring";

/** Groups shown at first, and added per "Show more": a huge file can hold thousands. */
const PAGE = 25;

/** Which groups are open, and the groups from the top down to the last one opened, which keep their place. */
interface GroupsView {
  open: ReadonlySet<string>;
  pinned: readonly string[];
}

/**
 * One row per (layer, action, resource): the short list of things to fix, each opening to its diagnosis; denials a
 * retry resolved follow in a closed section of their own.
 */
export function DenialGroups({ groups }: { groups: DenialGroup[] }) {
  const [shown, setShown] = useState(PAGE);
  const [view, setView] = useState<GroupsView | null>(null);
  const { toFix: ranked, resolvedByRetry } = splitResolved(groups);
  const first = ranked[0];
  // The first group to arrive opens by itself, once; from then on only the reader opens and closes groups.
  if (view === null && first) setView({ open: new Set([first.key]), pinned: [first.key] });
  const ordered = pinnedFirst(ranked, view?.pinned ?? []);

  const toggle = (key: string, index: number, open: boolean) =>
    setView((current) => {
      const was = current ?? { open: new Set<string>(), pinned: [] };
      if (was.open.has(key) === open) return current;
      const next = new Set(was.open);
      if (open) next.add(key);
      else next.delete(key);
      const pinned =
        open && index >= was.pinned.length ? ordered.slice(0, index + 1).map((group) => group.key) : was.pinned;
      return { open: next, pinned };
    });

  return (
    <section aria-labelledby="groups-heading" className="space-y-3">
      <h2 id="groups-heading" className={cn("text-lg font-bold", ordered.length === 0 && "sr-only")}>
        {plural(ordered.length, "fix", "fixes")} for{" "}
        {plural(
          ordered.reduce((sum, group) => sum + group.count, 0),
          "denial",
        )}
      </h2>
      <ol className="space-y-3">
        {ordered.slice(0, shown).map((group, index) => (
          <li key={group.key}>
            <details
              open={view?.open.has(group.key) ?? false}
              onToggle={(event) => toggle(group.key, index, event.currentTarget.open)}
              data-testid="denial-group"
              data-layer={group.layer}
              className="group rounded-xl border border-slate-200 bg-white shadow-sm dark:border-slate-700 dark:bg-slate-900"
            >
              <summary
                className={cn(
                  "flex cursor-pointer list-none flex-wrap items-center gap-x-3 gap-y-1 rounded-xl p-4",
                  "hover:bg-slate-50 dark:hover:bg-slate-800/60",
                  FOCUS_RING,
                )}
              >
                <span aria-hidden="true" className="text-slate-400 transition-transform group-open:rotate-90">
                  ▶
                </span>
                <Badge className={LAYER_CHIP[group.layer]}>{LAYER_INFO[group.layer].label}</Badge>
                <span className="font-mono text-sm font-semibold">{group.action ?? "unknown action"}</span>
                <span
                  className={cn(
                    "order-last w-full pl-7 font-mono text-xs break-all text-slate-600 dark:text-slate-400",
                    "sm:order-none sm:w-auto sm:min-w-0 sm:flex-1 sm:truncate sm:pl-0",
                  )}
                  title={group.resource ?? undefined}
                >
                  {group.resource ?? "resource not stated"}
                </span>
                <Badge tone="count">×{group.count}</Badge>
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
      {ordered.length > shown && (
        <Button onClick={() => setShown(shown + PAGE)} className="text-sm">
          Show {Math.min(PAGE, ordered.length - shown)} more of{" "}
          {plural(ordered.length - shown, "less frequent fix", "less frequent fixes")}
        </Button>
      )}
      {resolvedByRetry.length > 0 && <ResolvedByRetry groups={resolvedByRetry} />}
    </section>
  );
}
