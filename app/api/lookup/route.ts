import { startLookup } from "@/lib/cloudtrail";
import { demoEndpoint } from "@/lib/demo-endpoint";
import { parseJson, readLimitedText } from "@/lib/http";
import { lookupAccount, recordedStream } from "@/lib/portal/server";
import { lookupRequestSchema } from "@/lib/wire";
import { streamInClientSlot } from "../client-slots";
import { admitApiRequest, errorResponse, internalError, JSON_ONLY, methodNotAllowed } from "../respond";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = 16 * 1024;

/** Streams the denials of a role found in CloudTrail as NDJSON (see README, "Lookup API"). */
export async function POST(request: Request): Promise<Response> {
  try {
    const admitted = await admitApiRequest(request, JSON_ONLY);
    if (!admitted.ok) return admitted.response;
    const { context } = admitted;
    const body = await readLimitedText(request.body, MAX_BODY_BYTES);
    if (!body.ok) return errorResponse(body.error);
    const json = parseJson(body.value);
    if (!json.ok) return errorResponse(json.error);
    const parsed = lookupRequestSchema.safeParse(json.value);
    if (!parsed.success)
      return errorResponse({ code: "request.invalid", message: parsed.error.issues[0]?.message ?? "Invalid request." });
    const account = lookupAccount(context, parsed.data);
    if (!account.ok) return errorResponse(account.error);
    return await streamInClientSlot(
      request,
      "lookup",
      async (client, signal) => {
        const lookup = await startLookup(parsed.data, { signal, demo: demoEndpoint, client, account: account.value });
        if (!lookup.ok) return { response: errorResponse(lookup.error) };
        const facts = { accountId: account.value?.accountId ?? null, roleArn: parsed.data.roleArn };
        return { events: recordedStream(lookup.value, context, "lookup", facts) };
      },
      { route: "lookup", user: context.identity?.user },
    );
  } catch (error) {
    return internalError("lookup", error);
  }
}

export const GET = methodNotAllowed("POST");
export const PUT = methodNotAllowed("POST");
export const PATCH = methodNotAllowed("POST");
export const DELETE = methodNotAllowed("POST");
