import { auditJsonLines } from "@/lib/history";
import { isPortalAdmin } from "@/lib/portal/config";
import { auditExportQuerySchema } from "@/lib/wire";
import { portalRequest } from "../history/portal-request";
import { apiHeaders, errorResponse, internalError, methodNotAllowed } from "../respond";

export const runtime = "nodejs";

export async function GET(request: Request): Promise<Response> {
  try {
    const opened = await portalRequest(request, "audit");
    if (!opened.ok) return opened.response;
    const { context, history } = opened;
    if (!isPortalAdmin(context.config, context.identity.groups))
      return errorResponse({
        code: "audit.forbidden",
        message: "Only members of the portal's admin groups (admins in the configuration) may export the audit log.",
      });
    const query = auditExportQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success)
      return errorResponse({ code: "request.invalid", message: query.error.issues[0]?.message ?? "Invalid query." });
    const { from, to } = query.data;
    const range = { from: from ? new Date(from) : null, to: to ? new Date(to) : null };
    return new Response(auditJsonLines(history, range), {
      headers: apiHeaders({
        "Content-Type": "application/x-ndjson; charset=utf-8",
        "Content-Disposition": 'attachment; filename="whydenied-audit.jsonl"',
      }),
    });
  } catch (error) {
    return internalError("audit", error);
  }
}

export const POST = methodNotAllowed("GET");
export const PUT = methodNotAllowed("GET");
export const PATCH = methodNotAllowed("GET");
export const DELETE = methodNotAllowed("GET");
