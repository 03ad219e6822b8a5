import { searchHistory } from "@/lib/history";
import { systemClock } from "@/lib/lookup";
import { isPortalAdmin } from "@/lib/portal/config";
import { historyQuerySchema, type HistoryPage } from "@/lib/wire";
import { errorResponse, internalError, jsonResponse, methodNotAllowed } from "../respond";
import { portalRequest } from "./portal-request";

export const runtime = "nodejs";

export async function GET(request: Request): Promise<Response> {
  try {
    const opened = await portalRequest(request, "history");
    if (!opened.ok) return opened.response;
    const query = historyQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success)
      return errorResponse({ code: "request.invalid", message: query.error.issues[0]?.message ?? "Invalid query." });
    const { context, history } = opened;
    const page = await searchHistory(history, query.data, context.accounts, new Date(systemClock.now()));
    if (!page.ok) return errorResponse(page.error);
    const answer: HistoryPage = {
      ...page.value,
      canExportAudit: isPortalAdmin(context.config, context.identity.groups),
    };
    return jsonResponse(answer);
  } catch (error) {
    return internalError("history", error);
  }
}

export const POST = methodNotAllowed("GET");
export const PUT = methodNotAllowed("GET");
export const PATCH = methodNotAllowed("GET");
export const DELETE = methodNotAllowed("GET");
