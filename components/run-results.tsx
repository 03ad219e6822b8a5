import type { ReactNode } from "react";
import type { LookupState } from "@/lib/run";
import type { LookupStatus } from "@/lib/wire";
import type { ApiError } from "./api";
import { CopyButton } from "./copy-button";
import { DeniedEventsTable } from "./denied-events-table";
import { DenialGroups } from "./denial-groups";
import { RunProgress } from "./run-progress";
import { Alert } from "./ui/alert";
import { CodeBlock } from "./ui/code-block";
import type { RunPhase } from "./use-stream-run";

/** An error, in words, plus the IAM policy to attach when whydenied itself was denied. */
function RunError({
  error,
  requiredPolicy,
}: {
  error: { code: string; message: string };
  requiredPolicy?: LookupStatus["requiredPolicy"];
}) {
  const policy = error.code === "lookup.denied" && requiredPolicy ? JSON.stringify(requiredPolicy, null, 2) : null;
  return (
    <Alert tone="error" size="lg" role="alert" data-testid="run-error" data-code={error.code} className="space-y-2">
      <p className="font-semibold">{error.message}</p>
      {policy && (
        <div className="space-y-1">
          <div className="flex items-center justify-between gap-2">
            <p>IAM policy whydenied needs:</p>
            <CopyButton text={policy} label="Copy the policy whydenied needs" />
          </div>
          <CodeBlock surface="dark" overflow="scroll" className="rounded-md p-3 text-xs">
            {policy}
          </CodeBlock>
        </div>
      )}
    </Alert>
  );
}

/** Progress, notices, the grouped fixes and the raw events of one lookup or upload. */
export function RunResults({
  phase,
  state,
  error,
  unit,
  requiredPolicy,
  nothingFound,
  footnote,
}: {
  phase: RunPhase;
  state: LookupState | undefined;
  error: ApiError | null;
  unit: "lookup" | "upload";
  requiredPolicy?: LookupStatus["requiredPolicy"];
  nothingFound: ReactNode;
  footnote: ReactNode;
}) {
  if (phase === "idle") return null;
  // Refused before any result (an upload may already have shown its sending): the error is the answer.
  if (phase === "failed" && error && !state?.start) return <RunError error={error} requiredPolicy={requiredPolicy} />;
  const finishedEmpty = state?.done && !state.done.partial && state.groups.length === 0;
  const stoppedEmpty = (state?.done?.partial || phase === "cancelled") && state?.groups.length === 0;
  return (
    <div className="space-y-5">
      <RunProgress phase={phase} state={state} unit={unit} />
      {state?.error && <RunError error={state.error} requiredPolicy={requiredPolicy} />}
      {phase === "failed" && error && <RunError error={error} requiredPolicy={requiredPolicy} />}
      {state && state.notices.length > 0 && (
        <ul className="space-y-2">
          {state.notices.map((notice, index) => (
            <li key={`${notice.code}-${index}`}>
              <Alert tone="warning" role="note">
                {notice.message}
              </Alert>
            </li>
          ))}
        </ul>
      )}
      {state && state.groups.length > 0 && <DenialGroups groups={state.groups} />}
      {finishedEmpty && (
        <section
          data-testid="nothing-found"
          className="space-y-2 rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-700 dark:bg-slate-900"
        >
          {nothingFound}
        </section>
      )}
      {stoppedEmpty && (
        <Alert tone="warning" size="lg" data-testid="no-conclusion" className="space-y-1">
          <h2 className="text-lg font-bold">No conclusion yet</h2>
          <p className="text-sm">
            No denials in what was read before the run stopped, but not everything was read. Deal with the problem above
            and run it again.
          </p>
        </Alert>
      )}
      {state && <DeniedEventsTable state={state} />}
      {(state?.done || phase === "cancelled") && (
        <div className="text-sm text-slate-600 dark:text-slate-400">{footnote}</div>
      )}
    </div>
  );
}
