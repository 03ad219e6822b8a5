import { serverEnv } from "@/lib/env";
import { clientKeyOf, parseJson, readLimitedText, SNAPSHOT_HEADERS } from "@/lib/http";
import { recordPortalRun, requestContext } from "@/lib/portal/server";
import { createSnapshot } from "@/lib/share";
import { MAX_SNAPSHOT_BODY_BYTES } from "@/lib/snapshot";
import { createSnapshotRequestSchema, type CreatedSnapshot } from "@/lib/wire";
import { errorResponse, internalError, JSON_ONLY, methodNotAllowed, refuseForeign } from "../respond";
import { openSharing } from "./shared";

export const runtime = "nodejs";

export async function POST(request: Request): Promise<Response> {
  try {
    const refused = refuseForeign(request, JSON_ONLY);
    if (refused) return refused;
    const context = await requestContext(request.headers);
    if (!context.ok) return errorResponse(context.error);
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
    const createdBy = context.value.mode === "portal" ? context.value.identity.user : null;
    const created = await createSnapshot(parsed.data, deps, createdBy);
    if (!created.ok) return errorResponse(created.error);
    const { content } = created.value;
    await recordPortalRun(context.value, "snapshot", content.kind === "paste" ? content.diagnosis : content, {
      snapshotId: created.value.created.id,
    });
    const answer: CreatedSnapshot = created.value.created;
    return Response.json(answer, { status: 201, headers: { "Cache-Control": "no-store", ...SNAPSHOT_HEADERS } });
  } catch (error) {
    return internalError("snapshots", error);
  }
}

export const GET = methodNotAllowed("POST");
export const PUT = methodNotAllowed("POST");
export const PATCH = methodNotAllowed("POST");
export const DELETE = methodNotAllowed("POST");
