"use client";

import { useState } from "react";
import type { Finding } from "@/lib/wire";
import { cn } from "@/lib/cn";
import { layerLabel } from "./caller-words";
import { Checks } from "./checks";
import { FixDetails } from "./fix-details";
import { TwoDoors } from "./two-doors";
import { Badge } from "./ui/badge";
import { CodeBlock } from "./ui/code-block";
import { FOCUS_RING } from "./ui/focus-ring";

function Fact({ label, value }: { label: string; value: string | null }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase dark:text-slate-400">{label}</dt>
      <dd className="font-mono text-sm break-all text-slate-800 dark:text-slate-100">{value ?? "not stated"}</dd>
    </div>
  );
}

/**
 * One denial: which layer and why, then the fix (first, so a phone shows it without scrolling past the picture),
 * the two-doors picture, the facts, and how to confirm. `label` replaces "Denial N".
 */
export function FindingCard({ finding, index, label }: { finding: Finding; index: number; label?: string }) {
  const [selected, setSelected] = useState(0);
  const [top] = finding.candidates;
  const candidate = finding.candidates[selected] ?? top;
  const headingId = `${finding.id}-heading`;
  return (
    <article
      data-testid="finding-card"
      data-layer={finding.layer}
      aria-labelledby={headingId}
      className="space-y-5 rounded-xl border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-700 dark:bg-slate-900"
    >
      <header className="space-y-1">
        <p className="text-sm text-slate-500 dark:text-slate-400">
          {label ?? `Denial ${index + 1}${finding.occurrences > 1 ? ` · seen ${finding.occurrences} times` : ""}`}
        </p>
        <h2 id={headingId} className="text-xl font-bold text-slate-900 dark:text-white">
          {layerLabel(candidate.layer, finding.caller)}
          {/* Certainty is information, not an alarm: the denial itself is the bad news. */}
          <Badge tone={candidate.certainty.basis === "inferred" ? "neutral" : "calm"} className="ml-2 align-middle">
            {candidate.certainty.label}
          </Badge>
        </h2>
        <p className="break-words text-slate-700 dark:text-slate-300">{candidate.why}</p>
      </header>

      <div className="space-y-2">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h3 className="text-lg font-semibold">The fix</h3>
          {finding.candidates.length > 1 && (
            <label className="max-w-full text-sm text-slate-700 dark:text-slate-300">
              Show fix for{" "}
              <select
                value={selected}
                onChange={(event) => setSelected(Number(event.target.value))}
                className={cn(
                  "max-w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-800",
                  FOCUS_RING,
                )}
              >
                {finding.candidates.map((item, itemIndex) => (
                  <option key={item.layer} value={itemIndex}>
                    {layerLabel(item.layer, finding.caller)} ({item.certainty.label})
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
        <FixDetails fix={candidate.fix} caller={finding.caller} />
      </div>

      <TwoDoors finding={finding} candidate={candidate} />

      <dl className="grid gap-3 sm:grid-cols-3">
        <Fact label="Action" value={finding.action} />
        <Fact label="Principal" value={finding.principal} />
        <Fact label="Resource" value={finding.resource} />
      </dl>

      <div className="space-y-2">
        <h3 className="text-lg font-semibold">How to confirm</h3>
        <Checks checks={candidate.checks} />
      </div>

      {finding.candidates.length > 1 && (
        <div className="space-y-2">
          <h3 className="text-lg font-semibold">Could also be</h3>
          <ul className="space-y-2">
            {finding.candidates.slice(1).map((item) => (
              <li key={item.layer} className="text-sm">
                <div className="flex items-center gap-2">
                  <span className="w-48 shrink-0 font-medium">{layerLabel(item.layer, finding.caller)}</span>
                  <span className="h-2 flex-1 rounded bg-slate-200 dark:bg-slate-700" aria-hidden="true">
                    <span
                      className="block h-2 rounded bg-indigo-500"
                      style={{ width: `${Math.round(item.confidence * 100)}%` }}
                    />
                  </span>
                  <span className="w-10 text-right tabular-nums">{Math.round(item.confidence * 100)}%</span>
                </div>
                <p className="text-slate-600 dark:text-slate-400">{item.why}</p>
              </li>
            ))}
          </ul>
        </div>
      )}

      <details className="text-sm">
        <summary className={cn("cursor-pointer rounded font-medium text-slate-700 dark:text-slate-300", FOCUS_RING)}>
          Evidence and the original message
        </summary>
        <ul className="mt-2 list-disc space-y-1 pl-5 break-words text-slate-700 dark:text-slate-300">
          {finding.evidence.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
        <CodeBlock surface="muted" overflow="wrap" className="mt-2 rounded-md p-2 text-xs">
          {finding.excerpt}
        </CodeBlock>
      </details>
    </article>
  );
}
