"use client";

import { RunResults } from "./run-results";
import { ShareSnapshot } from "./share-snapshot";
import { SiteHeader } from "./site-header";
import { TrailForm } from "./trail-form";
import { useStreamRun } from "./use-stream-run";

const TAGLINE =
  "No CloudTrail API access? Upload the trail's log files: whydenied streams them and groups every denial into fixes.";

/** Diagnose trail data without API access: upload or paste, then the same grouped fixes as a lookup. */
export function TrailPage() {
  const runner = useStreamRun();
  const running = runner.phase === "starting" || runner.phase === "running";
  return (
    <div className="mx-auto max-w-5xl space-y-6 px-4 py-8">
      <SiteHeader tagline={TAGLINE} />
      <main className="space-y-6">
        <h1 className="text-xl font-bold">Find denials in a trail file</h1>
        <TrailForm
          running={running}
          onSubmit={({ file, roleArn }) => runner.start({ kind: "trail", file, roleArn })}
          onCancel={runner.cancel}
        />
        <RunResults
          phase={runner.phase}
          state={runner.state}
          error={runner.error}
          unit="upload"
          nothingFound={
            <>
              <h2 className="text-lg font-bold">No denials in this file</h2>
              <p className="text-sm text-slate-700 dark:text-slate-300">
                Every record was read; none was an AccessDenied or unauthorized error
                {runner.run?.kind === "trail" && runner.run.roleArn ? " of that role" : ""}.
              </p>
            </>
          }
          footnote={
            <p>The file is read once, as a stream, and forgotten; only a snapshot you share keeps its results.</p>
          }
        />
        {runner.state?.done && runner.state.groups.length > 0 && (
          <ShareSnapshot content={{ kind: "trail", groups: runner.state.groups, events: runner.state.rows }} />
        )}
      </main>
    </div>
  );
}
