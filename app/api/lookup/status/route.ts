import { lookupStatus } from "@/lib/cloudtrail";
import { DEMO_ROLES } from "@/lib/demo";
import { admitApiRequest, internalError, jsonResponse, methodNotAllowed } from "../../respond";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** What the lookup form needs to know: are there credentials, is the demo on, which Region first. */
export async function GET(request: Request): Promise<Response> {
  try {
    const admitted = await admitApiRequest(request);
    if (!admitted.ok) return admitted.response;
    return jsonResponse(await lookupStatus(DEMO_ROLES));
  } catch (error) {
    return internalError("lookup-status", error);
  }
}

export const POST = methodNotAllowed("GET");
export const PUT = methodNotAllowed("GET");
export const PATCH = methodNotAllowed("GET");
export const DELETE = methodNotAllowed("GET");
