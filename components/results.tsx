"use client";

import { useEffect, useRef, type ReactNode } from "react";
import { LAYER_INFO } from "@/lib/classify";
import type { NonDenial } from "@/lib/wire";
import { LOOKED_FOR } from "@/lib/parse";
import { cn } from "@/lib/cn";
import type { Diagnosis } from "@/lib/wire";
import { AuthorityNotice } from "./authority-notice";
import { FindingCard } from "./finding-card";
import { LAYER_CHIP } from "./layer-style";
import { Alert } from "./ui/alert";
import { Badge } from "./ui/badge";
import { FOCUS_RING } from "./ui/focus-ring";

function NonDenials({ errors, lead }: { errors: NonDenial[]; lead: string }) {
  return (
    <div className="space-y-2">
      <p className="text-sm">{lead}</p>
      <ul className="space-y-2">
        {errors.map((error) => (
          <li key={error.code}>
            <Alert tone="warning">
              <strong>{error.code}</strong> — {error.explanation}
            </Alert>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The findings, or a clear "nothing found" with what was looked for; the heading takes focus so the answer is in view.
 * `next` (the next steps a page offers, such as lookups) follows what AWS itself said, above the findings.
 */
export function Results({ diagnosis, next }: { diagnosis: Diagnosis; next?: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
    heading.current?.scrollIntoView({ block: "start", behavior: "smooth" });
  }, [diagnosis]);

  const count = diagnosis.findings.length;
  if (count === 0) {
    return (
      <section
        data-testid="no-findings"
        className="space-y-3 rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-700 dark:bg-slate-900"
      >
        <h2 ref={heading} tabIndex={-1} className="text-lg font-bold focus:outline-none">
          No AccessDenied found
        </h2>
        {diagnosis.nonDenials.length > 0 && (
          <NonDenials errors={diagnosis.nonDenials} lead="This is not a permission problem:" />
        )}
        <p className="text-sm text-slate-700 dark:text-slate-300">whydenied looked for:</p>
        <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700 dark:text-slate-300">
          {LOOKED_FOR.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </section>
    );
  }
  return (
    <section aria-labelledby="results-heading" className="space-y-4">
      <div role="status">
        <h2
          id="results-heading"
          ref={heading}
          tabIndex={-1}
          className="scroll-mt-4 font-medium text-slate-700 focus:outline-none dark:text-slate-300"
        >
          {count} denial{count === 1 ? "" : "s"} found{diagnosis.truncated && " (only the first 500 are shown)"}.
        </h2>
      </div>
      {diagnosis.authority && <AuthorityNotice outcomes={diagnosis.authority} />}
      {next}
      {count > 1 && (
        <nav
          aria-label="Denials found"
          className="rounded-xl border border-slate-200 bg-white p-3 dark:border-slate-700 dark:bg-slate-900"
        >
          <ol className="space-y-1 text-sm">
            {diagnosis.findings.map((finding, index) => (
              <li key={finding.id}>
                <a
                  href={`#${finding.id}-heading`}
                  className={cn(
                    "flex flex-wrap items-center gap-2 rounded-md p-1 hover:bg-slate-100 dark:hover:bg-slate-800",
                    FOCUS_RING,
                  )}
                >
                  <span className="text-slate-500 tabular-nums dark:text-slate-400">{index + 1}.</span>
                  <Badge className={LAYER_CHIP[finding.layer]}>{LAYER_INFO[finding.layer].label}</Badge>
                  <span className="font-mono text-xs">{finding.action ?? "unknown action"}</span>
                  <span className="min-w-0 flex-1 truncate font-mono text-xs text-slate-600 dark:text-slate-400">
                    {finding.resource ?? ""}
                  </span>
                </a>
              </li>
            ))}
          </ol>
        </nav>
      )}
      {diagnosis.nonDenials.length > 0 && (
        <NonDenials errors={diagnosis.nonDenials} lead="The text also holds errors that are not permission problems:" />
      )}
      {diagnosis.findings.map((finding, index) => (
        <FindingCard key={finding.id} finding={finding} index={index} />
      ))}
    </section>
  );
}
