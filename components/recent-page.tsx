"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { cn } from "@/lib/cn";
import { ApiError } from "./api";
import { historyQuery, type HistoryFilters } from "./history-queries";
import { RecentRuns } from "./recent-runs";
import { RecentSearch } from "./recent-search";
import { SiteHeader } from "./site-header";
import { Alert } from "./ui/alert";
import { Button } from "./ui/button";
import { FOCUS_RING } from "./ui/focus-ring";

const TAGLINE = "What the team diagnosed and looked up: who, when, in which account, and which layer denied it.";

const PORTAL_OFF =
  "The history is kept only when whydenied runs as the team's portal (WHYDENIED_CONFIG with WHYDENIED_AUTH=proxy).";

/** The team's recent runs and shared snapshots, searchable, newest first, a page at a time. */
export function RecentPage() {
  const [filters, setFilters] = useState<HistoryFilters>({});
  const history = useInfiniteQuery(historyQuery(filters));
  const runs = history.data?.pages.flatMap((page) => page.runs) ?? [];
  const filtered = Object.values(filters).some(Boolean);
  const canExportAudit = history.data?.pages[0]?.canExportAudit ?? false;
  return (
    <div className="mx-auto max-w-6xl space-y-6 px-4 py-8">
      <SiteHeader tagline={TAGLINE} />
      <main className="space-y-6">
        <div className="flex flex-wrap items-baseline justify-between gap-3">
          <h1 className="text-xl font-bold">Recent diagnoses</h1>
          {canExportAudit && (
            <a
              href="/api/audit.jsonl"
              download
              className={cn("rounded text-sm font-semibold text-indigo-700 underline dark:text-indigo-300", FOCUS_RING)}
            >
              Export audit log (JSON Lines)
            </a>
          )}
        </div>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Every diagnosis, lookup, trail file and shared snapshot in the accounts you may use. Only who, when, where and
          the roles, actions and layers are kept — never the text you pasted.
        </p>
        <RecentSearch onSearch={setFilters} />
        {history.isPending && (
          <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
            Loading the history…
          </p>
        )}
        {history.isError && (
          <Alert tone="error" role="alert">
            {history.error instanceof ApiError && history.error.code === "portal.off"
              ? PORTAL_OFF
              : history.error.message}
          </Alert>
        )}
        {history.isSuccess && runs.length === 0 && (
          <Alert tone="info" role="status" data-testid="recent-empty">
            {filtered
              ? "Nothing recorded matches this search. Clear a filter, or look for a role by its name alone."
              : "Nothing has been recorded yet: diagnoses and lookups show up here as the team runs them."}
          </Alert>
        )}
        {runs.length > 0 && <RecentRuns runs={runs} />}
        {history.hasNextPage && (
          <div className="flex justify-center">
            <Button onClick={() => void history.fetchNextPage()} disabled={history.isFetchingNextPage}>
              {history.isFetchingNextPage ? "Loading…" : "Load more"}
            </Button>
          </div>
        )}
      </main>
    </div>
  );
}
