import { parseJsonBody, sendError, sendJson, targetOperation } from "../protocols/json-1-1";
import { regionOfSignedRequest } from "../protocols/sigv4";
import { passGate } from "../gate";
import { lookupEvents } from "./cloudtrail/lookup-events";
import { EventStore } from "./cloudtrail/store";
import type { LocalService, ServiceCall, ServiceData, SharedState } from "./service";

/** The short and the fully qualified Smithy form of CloudTrail's X-Amz-Target. */
const TARGET_PREFIXES = ["CloudTrail_20131101.", "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101."];

const SERVES = "CloudTrail LookupEvents";

async function serveLookupEvents(call: ServiceCall, shared: SharedState, store: EventStore): Promise<void> {
  const { request, response, requestId } = call;
  if (targetOperation(request.headers["x-amz-target"], TARGET_PREFIXES) !== "LookupEvents") {
    return sendError(response, 400, "UnknownOperationException", `This endpoint serves ${SERVES} only.`, requestId);
  }
  const region = regionOfSignedRequest(request.headers.authorization, "cloudtrail");
  if (!region.ok) return sendError(response, 400, region.error.code, region.error.message, requestId);
  if (!(await passGate(call, shared, "cloudtrail", region.value))) return;

  const json = parseJsonBody(call.body);
  if (!json.ok) return sendError(response, 400, json.error.code, json.error.message, requestId);
  const result = lookupEvents(json.value, region.value, store, shared.clock.now());
  if (!result.ok) return sendError(response, 400, result.error.code, result.error.message, requestId);
  sendJson(response, 200, result.value, requestId);
  shared.stats.servedPage(result.value.Events.length, shared.clock.now());
}

/**
 * CloudTrail over JSON 1.1 (POST / with `X-Amz-Target: CloudTrail_20131101.<Operation>`), as
 * `@aws-sdk/client-cloudtrail` speaks it: LookupEvents over the records it is given, per Region
 * (the Region the request was signed for), newest first.
 */
export function cloudTrailService(data: ServiceData): LocalService {
  const store = EventStore.fromRecords(data.events);
  return {
    name: "CloudTrail",
    serves: SERVES,
    claims: ({ request, path, method }) =>
      path === "/" && method === "POST" && targetOperation(request.headers["x-amz-target"], TARGET_PREFIXES) !== null,
    serve: (call, shared) => serveLookupEvents(call, shared, store),
  };
}
