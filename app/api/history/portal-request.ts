import "server-only";
import type { HistoryStore } from "@/lib/history";
import { requestContext, type RequestContext } from "@/lib/portal/server";
import { processStore } from "@/lib/store/process";
import { errorResponse, refuseForeign } from "../respond";

type PortalContext = Extract<RequestContext, { mode: "portal" }>;

/**
 * What the history and audit routes start with: a request from this site, signed in (401 otherwise), in portal mode
 * (404 `portal.off` otherwise), and the process's history store (503 when the database is out of reach).
 */
export async function portalRequest(
  request: Request,
  route: string,
): Promise<{ ok: true; context: PortalContext; history: HistoryStore } | { ok: false; response: Response }> {
  const refused = refuseForeign(request);
  if (refused) return { ok: false, response: refused };
  const context = await requestContext(request.headers);
  if (!context.ok) {
    const { code, message } = context.error;
    if (code === "auth.unauthenticated") return { ok: false, response: errorResponse({ code, message }) };
    // The server's own sign-in or portal settings are broken: instrumentation.ts stops a server started that way.
    console.error(`[${route}] ${code}: ${message}`);
    return {
      ok: false,
      response: errorResponse({
        code: "internal.error",
        message: "The server's sign-in or portal configuration is broken.",
      }),
    };
  }
  if (context.value.mode !== "portal")
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
  return { ok: true, context: context.value, history: store.value.history };
}
