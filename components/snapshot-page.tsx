"use client";

import Link from "next/link";
import { useState } from "react";
import { INITIAL_LOOKUP_STATE, type LookupState } from "@/lib/run";
import type { Snapshot, SnapshotContent } from "@/lib/wire";
import { DeniedEventsTable } from "./denied-events-table";
import { DenialGroups } from "./denial-groups";
import { formatDate } from "./format";
import { Results } from "./results";
import { SiteHeader } from "./site-header";
import { SnapshotDelete } from "./snapshot-delete";
import { SnapshotRerun } from "./snapshot-rerun";
import { Alert } from "./ui/alert";
import { Badge } from "./ui/badge";
import { CodeBlock } from "./ui/code-block";

const TAGLINE = "A diagnosis someone saved to share: shown exactly as it was when they saved it.";

const KIND_HEADINGS = {
  paste: "Saved diagnosis of a pasted error",
  lookup: "Saved CloudTrail lookup",
  trail: "Saved trail file results",
} as const;

/** The denied-events table reads a run's state; a snapshot's events are all of it. */
function stateOf(content: Exclude<SnapshotContent, { kind: "paste" }>): LookupState {
  const denialsFound = content.groups.reduce((sum, group) => sum + group.count, 0);
  return {
    ...INITIAL_LOOKUP_STATE,
    rows: content.events,
    progress: { ...INITIAL_LOOKUP_STATE.progress, denialsFound },
  };
}

function SavedContent({ content }: { content: SnapshotContent }) {
  if (content.kind === "paste")
    return (
      <>
        <details className="rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900">
          <summary className="cursor-pointer text-sm font-semibold">The text that was diagnosed</summary>
          <CodeBlock surface="muted" overflow="wrap" className="mt-3 max-h-80 rounded-md p-3 text-xs">
            {content.text}
          </CodeBlock>
        </details>
        <Results diagnosis={content.diagnosis} />
      </>
    );
  return (
    <>
      <DenialGroups groups={content.groups} />
      <DeniedEventsTable state={stateOf(content)} />
    </>
  );
}

/** A saved snapshot: what was diagnosed and when, the findings as saved, re-run, and Delete for its owner. */
export function SnapshotPage({ snapshot, currentVersion }: { snapshot: Snapshot; currentVersion: string }) {
  const [deleted, setDeleted] = useState(false);
  return (
    <div className="mx-auto max-w-5xl space-y-6 px-4 py-8">
      <SiteHeader tagline={TAGLINE} />
      <main className="space-y-6">
        <div className="space-y-2">
          <h1 className="text-xl font-bold">{KIND_HEADINGS[snapshot.content.kind]}</h1>
          <p
            className="flex flex-wrap items-center gap-2 text-sm text-slate-700 dark:text-slate-300"
            data-testid="snapshot-facts"
          >
            <span>
              Diagnosed with version {snapshot.engineVersion}, {formatDate(snapshot.createdAt)}.
            </span>
            <span>
              {snapshot.expiresAt ? `Expires ${formatDate(snapshot.expiresAt)}.` : "Kept until its owner deletes it."}
            </span>
            {snapshot.redacted && <Badge>Account ids and names masked</Badge>}
          </p>
        </div>
        {deleted ? (
          <Alert tone="info" size="lg" role="status">
            This snapshot is deleted: its link no longer opens anything.{" "}
            <Link href="/" className="underline">
              Diagnose another error
            </Link>
          </Alert>
        ) : (
          <>
            <div className="flex flex-wrap items-start gap-3">
              <SnapshotRerun content={snapshot.content} engineVersion={currentVersion} />
              <SnapshotDelete id={snapshot.id} onDeleted={() => setDeleted(true)} />
            </div>
            <SavedContent content={snapshot.content} />
          </>
        )}
      </main>
    </div>
  );
}
