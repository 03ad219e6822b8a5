"use client";

import { useMutation } from "@tanstack/react-query";
import { compareFindings, type DiagnosisComparison } from "@/lib/snapshot";
import { diagnosisSchema, type Finding, type SnapshotContent } from "@/lib/wire";
import { postJson, type ApiError } from "./api";
import { plural } from "./format";
import { Alert } from "./ui/alert";
import { Button } from "./ui/button";

/** A run's groups re-diagnosed at most this many, one request each: the detailed ones a lookup sends. */
const MAX_RERUN_GROUPS = 200;

const diagnoseNow = async (text: string): Promise<Finding[]> =>
  (await postJson("/api/diagnose", { text }, diagnosisSchema)).findings;

/** The saved findings against the current engine's for the same input: the paste's text, or each group's record. */
async function rerun(content: SnapshotContent): Promise<DiagnosisComparison> {
  if (content.kind === "paste") return compareFindings(content.diagnosis.findings, await diagnoseNow(content.text));
  const groups = content.groups.slice(0, MAX_RERUN_GROUPS).filter((group) => group.finding && group.sample);
  const current: (Finding | null)[] = [];
  for (const group of groups) current.push((await diagnoseNow(group.sample ?? ""))[0] ?? null);
  return compareFindings(
    groups.map((group) => group.finding),
    current,
  );
}

/** "Re-run with the current engine": diagnoses the saved input again and says what changed since it was saved. */
export function SnapshotRerun({ content, engineVersion }: { content: SnapshotContent; engineVersion: string }) {
  const compare = useMutation<DiagnosisComparison, ApiError>({
    mutationKey: ["rerun-snapshot"],
    mutationFn: () => rerun(content),
  });
  const result = compare.data;
  const same = result && result.changed.length === 0 && result.added === 0 && result.removed === 0;
  return (
    <div className="space-y-2" data-testid="snapshot-rerun">
      <Button size="sm" onClick={() => compare.mutate()} disabled={compare.isPending}>
        {compare.isPending ? "Re-running…" : "Re-run with the current engine"}
      </Button>
      {compare.isError && (
        <Alert tone="error" role="alert">
          {compare.error.message}
        </Alert>
      )}
      {result && (
        <Alert tone={same ? "info" : "warning"} role="status" className="space-y-2">
          <p className="font-semibold">
            {same
              ? `The current engine (version ${engineVersion}) gives the same diagnosis.`
              : `The current engine (version ${engineVersion}) reads this differently:`}
          </p>
          {result.changed.length > 0 && (
            <ul className="list-disc space-y-1 pl-5">
              {result.changed.map((change) => (
                <li key={change.index}>
                  <span className="font-mono text-xs">{change.subject}</span>: {change.changes.join("; ")}
                </li>
              ))}
            </ul>
          )}
          {(result.added > 0 || result.removed > 0) && (
            <p>
              {plural(result.added, "new finding")}, {plural(result.removed, "finding")} no longer given.
            </p>
          )}
          {!same && result.unchanged > 0 && <p>{plural(result.unchanged, "finding")} unchanged.</p>}
        </Alert>
      )}
    </div>
  );
}
