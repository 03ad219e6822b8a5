"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import type { LookupState } from "@/lib/run";
import type { ApiError } from "./api";
import { streamRunQuery, type StreamRun } from "./queries";

export type RunPhase = "idle" | "starting" | "running" | "finished" | "cancelled" | "failed";

type RunInput = StreamRun extends infer Run ? (Run extends StreamRun ? Omit<Run, "id"> : never) : never;

/** Starts, follows and cancels one streamed lookup or upload at a time. */
export function useStreamRun() {
  const queryClient = useQueryClient();
  const [run, setRun] = useState<StreamRun | null>(null);
  const [cancelledId, setCancelledId] = useState<string | null>(null);
  const query = useQuery({
    ...streamRunQuery(
      run ?? { id: "none", kind: "lookup", request: { roleArn: "", regions: [], window: { hours: 1 } } },
    ),
    enabled: run !== null,
  });

  const start = useCallback((input: RunInput) => setRun({ ...input, id: crypto.randomUUID() }), []);
  const cancel = useCallback(() => {
    if (!run) return;
    setCancelledId(run.id);
    // Keep what arrived before the cancel: the partial results are the point of a streamed run.
    void queryClient.cancelQueries({ queryKey: streamRunQuery(run).queryKey }, { revert: false });
  }, [queryClient, run]);

  const state: LookupState | undefined = run ? query.data : undefined;
  let phase: RunPhase = "idle";
  if (run) {
    if (cancelledId === run.id) phase = "cancelled";
    else if (query.isError) phase = "failed";
    else if (query.fetchStatus === "fetching") phase = state ? "running" : "starting";
    else phase = "finished";
  }
  return { run, phase, state, error: query.error as ApiError | null, start, cancel };
}
