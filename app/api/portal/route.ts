import { portalSessionOf } from "@/lib/portal/server";
import type { PortalSession } from "@/lib/wire";
import { admitApiRequest, internalError, jsonResponse, methodNotAllowed } from "../respond";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Who is signed in and which accounts they may use; `{"mode": "single"}` without a portal configuration. */
export async function GET(request: Request): Promise<Response> {
  try {
    const admitted = await admitApiRequest(request);
    if (!admitted.ok) return admitted.response;
    const answer: PortalSession = portalSessionOf(admitted.context);
    return jsonResponse(answer);
  } catch (error) {
    return internalError("portal", error);
  }
}

export const POST = methodNotAllowed("GET");
export const PUT = methodNotAllowed("GET");
export const PATCH = methodNotAllowed("GET");
export const DELETE = methodNotAllowed("GET");
