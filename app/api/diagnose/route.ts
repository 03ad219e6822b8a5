import { diagnose } from "@/lib/catalog";
import { parseJson, readLimitedText } from "@/lib/http";
import { MAX_INPUT_BYTES } from "@/lib/parse";
import { recordPortalRun, withAuthority } from "@/lib/portal/server";
import type { Diagnosis } from "@/lib/wire";
import { admitApiRequest, errorResponse, internalError, jsonResponse, JSON_ONLY, methodNotAllowed } from "../respond";
import { diagnoseRequestSchema } from "./schema";

export const runtime = "nodejs";

/** JSON escaping can double a paste's size; anything past this cannot hold a valid text. */
const MAX_BODY_BYTES = MAX_INPUT_BYTES * 6 + 1024;

export async function POST(request: Request): Promise<Response> {
  try {
    const admitted = await admitApiRequest(request, JSON_ONLY);
    if (!admitted.ok) return admitted.response;
    const body = await readLimitedText(request.body, MAX_BODY_BYTES);
    if (!body.ok)
      return errorResponse({
        code: "input.too-large",
        message: `The text is larger than the ${MAX_INPUT_BYTES / 1024} KiB limit.`,
      });
    const json = parseJson(body.value);
    if (!json.ok) return errorResponse(json.error);
    const parsed = diagnoseRequestSchema.safeParse(json.value);
    if (!parsed.success)
      return errorResponse({ code: "request.invalid", message: parsed.error.issues[0]?.message ?? "Invalid request." });
    const result = await diagnose(parsed.data.text);
    if (!result.ok) return errorResponse(result.error);
    const answer: Diagnosis = await withAuthority(result.value, admitted.context);
    await recordPortalRun(admitted.context, "diagnose", answer);
    return jsonResponse(answer);
  } catch (error) {
    return internalError("diagnose", error);
  }
}

export const GET = methodNotAllowed("POST");
export const PUT = methodNotAllowed("POST");
export const PATCH = methodNotAllowed("POST");
export const DELETE = methodNotAllowed("POST");
