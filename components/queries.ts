import { experimental_streamedQuery as streamedQuery, queryOptions } from "@tanstack/react-query";
import type { LookupStreamEvent } from "@/lib/lookup/events";
import type { LookupRequestBody } from "@/lib/lookup/request";
import { INITIAL_LOOKUP_STATE, reduceLookup, type LookupState } from "@/lib/lookup/state";
import type { LookupStatus } from "@/lib/lookup/status";
import { getJson } from "./api";
import { postForEvents } from "./stream";

/** A lookup or an upload the user started; the id keeps two runs with the same inputs apart. */
export type StreamRun = { id: string; kind: "lookup"; request: LookupRequestBody } | { id: string; kind: "trail"; file: Blob; roleArn: string | null };

export const lookupStatusQuery = () =>
  queryOptions({
    queryKey: ["lookup-status"],
    queryFn: () => getJson<LookupStatus>("/api/lookup/status"),
    staleTime: 30_000,
  });

function eventsOf(run: StreamRun, signal: AbortSignal): AsyncGenerator<LookupStreamEvent[]> {
  if (run.kind === "lookup") return postForEvents("/api/lookup", { body: JSON.stringify(run.request), contentType: "application/json", signal });
  const query = run.roleArn ? `?roleArn=${encodeURIComponent(run.roleArn)}` : "";
  return postForEvents(`/api/trail${query}`, { body: run.file, contentType: "application/octet-stream", signal });
}

/** A streamed run: each NDJSON chunk is folded into the cached state as it arrives. */
export const streamRunQuery = (run: StreamRun) =>
  queryOptions({
    queryKey: ["stream-run", run.kind, run.id],
    queryFn: streamedQuery<LookupStreamEvent[], LookupState>({
      streamFn: ({ signal }) => eventsOf(run, signal),
      reducer: reduceLookup,
      initialValue: INITIAL_LOOKUP_STATE,
    }),
    staleTime: Infinity,
    gcTime: 10 * 60_000,
    retry: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
