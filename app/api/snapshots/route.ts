import { serverEnv } from "@/lib/env";
import { clientKeyOf, parseJson, readLimitedText, SNAPSHOT_HEADERS } from "@/lib/http";
import { recordPortalRun } from "@/lib/portal/server";
import { createSnapshot } from "@/lib/share";
import { MAX_SNAPSHOT_BODY_BYTES } from "@/lib/snapshot";
import { createSnapshotRequestSchema, type CreatedSnapshot } from "@/lib/wire";
import { admitApiRequest, errorResponse, internalError, jsonResponse, JSON_ONLY, methodNotAllowed } from "../respond";
import { openSharing } from "./shared";

export const runtime = "nodejs";

export async function POST(request: Request): Promise<Response> {
  try {
    const admitted = await admitApiRequest(request, JSON_ONLY);
    if (!admitted.ok) return admitted.response;
    const { context } = admitted;
    const opened = await openSharing();
    if (!opened.ok) return opened.response;
    const { deps, limiter } = opened.value;
    const decision = await limiter.take(
      clientKeyOf(request.headers.get("x-forwarded-for"), serverEnv().WHYDENIED_TRUSTED_PROXIES),
      deps.now().getTime(),
    );
    if (!decision.allowed)
      return errorResponse(
        {
          code: "snapshot.rate-limited",
          message: `Too many snapshots created just now: try again in ${decision.retryAfterSeconds} s.`,
        },
        { "Retry-After": String(decision.retryAfterSeconds) },
      );
    const body = await readLimitedText(request.body, MAX_SNAPSHOT_BODY_BYTES);
    if (!body.ok) return errorResponse(body.error);
    const json = parseJson(body.value);
    if (!json.ok) return errorResponse(json.error);
    const parsed = createSnapshotRequestSchema.safeParse(json.value);
    if (!parsed.success)
      return errorResponse({ code: "request.invalid", message: parsed.error.issues[0]?.message ?? "Invalid request." });
    const createdBy = context.mode === "portal" ? context.identity.user : null;
    const created = await createSnapshot(parsed.data, deps, createdBy);
    if (!created.ok) return errorResponse(created.error);
    const { content } = created.value;
    await recordPortalRun(context, "snapshot", content.kind === "paste" ? content.diagnosis : content, {
      snapshotId: created.value.created.id,
    });
    const answer: CreatedSnapshot = created.value.created;
    return jsonResponse(answer, { status: 201, headers: SNAPSHOT_HEADERS });
  } catch (error) {
    return internalError("snapshots", error);
  }
}

export const GET = methodNotAllowed("POST");
export const PUT = methodNotAllowed("POST");
export const PATCH = methodNotAllowed("POST");
export const DELETE = methodNotAllowed("POST");
