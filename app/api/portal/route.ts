import { portalSessionOf, requestContext } from "@/lib/portal/server";
import type { PortalSession } from "@/lib/wire";
import { errorResponse, internalError, jsonResponse, methodNotAllowed, refuseForeign } from "../respond";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Who is signed in and which accounts they may use; `{"mode": "single"}` without a portal configuration. */
export async function GET(request: Request): Promise<Response> {
  try {
    const refused = refuseForeign(request);
    if (refused) return refused;
    const context = await requestContext(request.headers);
    if (!context.ok) return errorResponse(context.error);
    const answer: PortalSession = portalSessionOf(context.value);
    return jsonResponse(answer);
  } catch (error) {
    return internalError("portal", error);
  }
}

export const POST = methodNotAllowed("GET");
export const PUT = methodNotAllowed("GET");
export const PATCH = methodNotAllowed("GET");
export const DELETE = methodNotAllowed("GET");
