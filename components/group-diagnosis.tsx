"use client";

import { FindingCard } from "./finding-card";
import { Button } from "./ui/button";
import { useDiagnose } from "./use-diagnose";

/**
 * A group past the first few hundred arrives without its diagnosis, to keep a huge file's answer
 * small; its first denial is diagnosed here on request, by the same engine.
 */
export function GroupDiagnosis({ sample, label }: { sample: string; label: string }) {
  const diagnose = useDiagnose();
  const finding = diagnose.data?.findings[0];
  if (finding) return <FindingCard finding={finding} index={0} label={label} />;
  return (
    <div className="flex flex-wrap items-center gap-3 p-2 text-sm">
      <Button variant="primary" size="sm" onClick={() => diagnose.mutate(sample)} disabled={diagnose.isPending}>
        {diagnose.isPending ? "Diagnosing…" : "Show the diagnosis"}
      </Button>
      {diagnose.isError && (
        <span role="alert" className="text-red-700 dark:text-red-400">
          {diagnose.error.message}
        </span>
      )}
      {diagnose.data && !finding && <span>This event no longer reads as a denial.</span>}
    </div>
  );
}
