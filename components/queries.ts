import { isServer, experimental_streamedQuery as streamedQuery, queryOptions } from "@tanstack/react-query";
import { INITIAL_LOOKUP_STATE, reduceLookup, type LookupState, type RunEvent } from "@/lib/run";
import { lookupStatusSchema, portalSessionSchema, type LookupRequestBody } from "@/lib/wire";
import { getJson } from "./api";
import { postForEvents } from "./stream";
import { uploadForEvents } from "./upload";

/** A lookup or an upload the user started; the id keeps two runs with the same inputs apart. */
export type StreamRun =
  | { id: string; kind: "lookup"; request: LookupRequestBody }
  | { id: string; kind: "trail"; file: Blob; roleArn: string | null };

/** GET /api/lookup/status, parsed with the schema the server answers with. */
export const lookupStatusQuery = () =>
  queryOptions({
    queryKey: ["lookup-status"],
    queryFn: () => getJson("/api/lookup/status", lookupStatusSchema),
    staleTime: 30_000,
  });

/** GET /api/portal: single mode, or the signed-in user and the accounts their groups may use. */
export const portalSessionQuery = () =>
  queryOptions({
    queryKey: ["portal-session"],
    queryFn: () => getJson("/api/portal", portalSessionSchema),
    staleTime: 5 * 60_000,
    retry: false,
  });

function eventsOf(run: StreamRun, signal: AbortSignal): AsyncGenerator<RunEvent[]> {
  if (run.kind === "lookup") return postForEvents("/api/lookup", { body: JSON.stringify(run.request), signal });
  const query = run.roleArn ? `?roleArn=${encodeURIComponent(run.roleArn)}` : "";
  return uploadForEvents(`/api/trail${query}`, run.file, signal);
}

/** A streamed run: each NDJSON chunk is folded into the cached state as it arrives. */
export const streamRunQuery = (run: StreamRun) =>
  queryOptions({
    queryKey: ["stream-run", run.kind, run.id],
    queryFn: streamedQuery<RunEvent[], LookupState>({
      streamFn: ({ signal }) => eventsOf(run, signal),
      reducer: reduceLookup,
      initialValue: INITIAL_LOOKUP_STATE,
    }),
    staleTime: Infinity,
    // A finished run stays cached in the browser for a while. Never on the server: there the timer would keep each
    // rendered request (its response and context) alive for as long, which under load is a leak.
    gcTime: isServer ? Infinity : 10 * 60_000,
    retry: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
