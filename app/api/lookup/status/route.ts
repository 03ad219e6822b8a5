import { lookupStatus } from "@/lib/cloudtrail/status";
import { DEMO_ROLES } from "@/lib/demo";
import { internalError, jsonResponse } from "../../respond";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** What the lookup form needs to know: are there credentials, is the demo on, which Region first. */
export async function GET(): Promise<Response> {
  try {
    return jsonResponse(await lookupStatus(DEMO_ROLES));
  } catch (error) {
    return internalError("lookup-status", error);
  }
}
