import { infiniteQueryOptions } from "@tanstack/react-query";
import { historyPageSchema, type HistoryQueryInput } from "@/lib/wire";
import { getJson } from "./api";

/** The filters the Recent page sends; empty ones are left out of the URL. */
export type HistoryFilters = Pick<HistoryQueryInput, "role" | "action" | "layer" | "user" | "account">;

function historyUrl(filters: HistoryFilters, cursor: string | null): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value) params.set(name, value);
  if (cursor) params.set("cursor", cursor);
  const query = params.toString();
  return query ? `/api/history?${query}` : "/api/history";
}

/** GET /api/history, page after page by cursor ("Load more"), parsed with the schema the server answers with. */
export const historyQuery = (filters: HistoryFilters) =>
  infiniteQueryOptions({
    queryKey: ["history", filters],
    queryFn: ({ pageParam }) => getJson(historyUrl(filters, pageParam), historyPageSchema),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    staleTime: 15_000,
  });
