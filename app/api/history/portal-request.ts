import "server-only";
import type { HistoryStore } from "@/lib/history";
import type { RequestContext } from "@/lib/portal/server";
import { processStore } from "@/lib/store/process";
import { admitApiRequest, errorResponse } from "../respond";

type PortalContext = Extract<RequestContext, { mode: "portal" }>;

/**
 * What the history and audit routes start with: a request from this site, signed in (401 otherwise), in portal mode
 * (404 `portal.off` otherwise), and the process's history store (503 when the database is out of reach).
 */
export async function portalRequest(
  request: Request,
  route: string,
): Promise<{ ok: true; context: PortalContext; history: HistoryStore } | { ok: false; response: Response }> {
  const admitted = await admitApiRequest(request);
  if (!admitted.ok) return admitted;
  const { context } = admitted;
  if (context.mode !== "portal")
    return {
      ok: false,
      response: errorResponse({
        code: "portal.off",
        message: "History and audit are kept in portal mode only (WHYDENIED_CONFIG with WHYDENIED_AUTH=proxy).",
      }),
    };
  const store = await processStore();
  if (!store.ok) {
    console.error(`[${route}] ${store.error.message}`);
    return {
      ok: false,
      response: errorResponse({
        code: "store.unavailable",
        message: "The history is unavailable: the database cannot be reached.",
      }),
    };
  }
  return { ok: true, context, history: store.value.history };
}
