import { serverEnv } from "@/lib/env";
import { loadCatalog } from "@/lib/catalog";
import { parseRoleTarget, scanTrail, systemClock, type RoleTarget } from "@/lib/lookup";
import { recordedStream } from "@/lib/portal/server";
import { MAX_UPLOAD_WORK_MS, readTrail } from "@/lib/trail";
import { streamInClientSlot } from "../client-slots";
import { admitApiRequest, errorResponse, internalError, methodNotAllowed } from "../respond";
import { trailQueryOf, trailQuerySchema } from "./schema";
import { stopAtUploadLimit, uploadChunks } from "./upload";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** What the page's upload sends (application/octet-stream), and the honest names of a trail file's types. */
const TRAIL_MEDIA_TYPES = ["application/octet-stream", "application/gzip", "application/json"];

/**
 * Streams the denials in uploaded trail data (the request body: a trail file, gzip or not,
 * lookup-events output or JSON Lines) as NDJSON. `?roleArn=` keeps one role's denials only.
 */
export async function POST(request: Request): Promise<Response> {
  try {
    const admitted = await admitApiRequest(request, TRAIL_MEDIA_TYPES);
    if (!admitted.ok) return admitted.response;
    const { context } = admitted;
    const maxBytes = serverEnv().WHYDENIED_MAX_UPLOAD_MIB * 1024 * 1024;
    const declared = Number(request.headers.get("content-length") ?? NaN);
    if (declared > maxBytes)
      return errorResponse({
        code: "upload.too-large",
        message: `The file is larger than the ${maxBytes / 1024 / 1024} MiB upload limit.`,
      });
    if (declared === 0 || !request.body)
      return errorResponse({ code: "upload.empty", message: "The upload is empty: choose a CloudTrail file." });
    const query = trailQuerySchema.safeParse(trailQueryOf(request.url));
    if (!query.success)
      return errorResponse({ code: "request.invalid", message: query.error.issues[0]?.message ?? "Invalid request." });
    let target: RoleTarget | null = null;
    if (query.data.roleArn) {
      const parsed = parseRoleTarget(query.data.roleArn);
      if (!parsed.ok) return errorResponse(parsed.error);
      target = parsed.value;
    }
    const body = request.body;
    return await streamInClientSlot(
      request,
      "upload",
      (_client, signal) => {
        // Successes too: a denial that a success of the same call follows within minutes is shown as resolved by retry.
        const batches = readTrail(uploadChunks(body, maxBytes, signal), {
          signal,
          keepSuccesses: true,
          work: { now: () => systemClock.now(), maxMs: MAX_UPLOAD_WORK_MS },
        });
        const events = scanTrail(
          { batches, target, totalBytes: Number.isFinite(declared) ? declared : null },
          { clock: systemClock, catalog: loadCatalog },
        );
        const facts = { roleArn: query.data.roleArn ?? null };
        return { events: recordedStream(stopAtUploadLimit(events), context, "trail", facts) };
      },
      { route: "trail", eager: true, user: context.identity?.user },
    );
  } catch (error) {
    return internalError("trail", error);
  }
}

export const GET = methodNotAllowed("POST");
export const PUT = methodNotAllowed("POST");
export const PATCH = methodNotAllowed("POST");
export const DELETE = methodNotAllowed("POST");
