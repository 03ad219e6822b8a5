import type { DiagnoseResponse } from "./api";
import { FindingCard } from "./FindingCard";
import { LOOKED_FOR } from "@/lib/parse/looked-for";

/** The findings, or a clear "nothing found" with what was looked for. */
export function Results({ diagnosis }: { diagnosis: DiagnoseResponse }) {
  const count = diagnosis.findings.length;
  if (count === 0) {
    return (
      <section data-testid="no-findings" className="space-y-3 rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-700 dark:bg-slate-900">
        <h2 className="text-lg font-bold">No AccessDenied found</h2>
        {diagnosis.nonDenials.length > 0 && (
          <div className="space-y-2">
            <p className="text-sm">This is not a permission problem:</p>
            <ul className="space-y-2">
              {diagnosis.nonDenials.map((error) => (
                <li key={error.code} className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
                  <strong>{error.code}</strong> — {error.explanation}
                </li>
              ))}
            </ul>
          </div>
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
    <section aria-label="Diagnosis" className="space-y-4">
      <p className="font-medium text-slate-700 dark:text-slate-300" role="status">
        {count} denial{count === 1 ? "" : "s"} found{diagnosis.truncated && " (only the first 500 are shown)"}.
      </p>
      {diagnosis.findings.map((finding, index) => (
        <FindingCard key={finding.id} finding={finding} index={index} />
      ))}
    </section>
  );
}
