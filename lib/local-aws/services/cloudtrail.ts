import { parseJsonBody, sendError, sendJson, targetOperation } from "../protocols/json-1-1";
import { signingScope } from "../protocols/sigv4";
import { passGate } from "../gate";
import { AccountStores } from "./cloudtrail/accounts";
import { lookupEvents } from "./cloudtrail/lookup-events";
import type { LocalService, ServiceCall, ServiceData, SharedState } from "./service";
import { signedCaller } from "./signed-caller";

/** The short and the fully qualified Smithy form of CloudTrail's X-Amz-Target. */
const TARGET_PREFIXES = ["CloudTrail_20131101.", "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101."];

const SERVES = "CloudTrail LookupEvents";

/** The rate-limit scope every caller that is no issued session shares. */
const PLAIN_CREDENTIALS = "plain";

async function serveLookupEvents(call: ServiceCall, shared: SharedState, stores: AccountStores): Promise<void> {
  const { request, response, requestId } = call;
  if (targetOperation(request.headers["x-amz-target"], TARGET_PREFIXES) !== "LookupEvents") {
    return sendError(response, 400, "UnknownOperationException", `This endpoint serves ${SERVES} only.`, requestId);
  }
  const scope = signingScope(request.headers.authorization, "cloudtrail");
  if (!scope.ok) return sendError(response, 400, scope.error.code, scope.error.message, requestId);
  const caller = signedCaller(request, scope.value.accessKeyId, shared.sessions, shared.clock.now());
  if (!caller.ok) return sendError(response, 400, caller.error.code, caller.error.message, requestId);
  const account = caller.value.kind === "session" ? caller.value.accountId : null;
  if (!(await passGate(call, shared, "cloudtrail", account ?? PLAIN_CREDENTIALS, scope.value.region))) return;

  const json = parseJsonBody(call.body);
  if (!json.ok) return sendError(response, 400, json.error.code, json.error.message, requestId);
  const store = account === null ? stores.everything() : stores.of(account);
  const result = lookupEvents(json.value, scope.value.region, store, shared.clock.now());
  if (!result.ok) return sendError(response, 400, result.error.code, result.error.message, requestId);
  sendJson(response, 200, result.value, requestId);
  shared.stats.servedPage(result.value.Events.length, shared.clock.now());
}

/**
 * CloudTrail over JSON 1.1 (POST / with `X-Amz-Target: CloudTrail_20131101.<Operation>`), as
 * `@aws-sdk/client-cloudtrail` speaks it: LookupEvents over the records it is given, per Region
 * (the Region the request was signed for), newest first. A caller signed with a session STS issued here sees its
 * account's records only (`recipientAccountId`, else `userIdentity.accountId`); other credentials see them all.
 */
export function cloudTrailService(data: ServiceData): LocalService {
  const stores = new AccountStores(data.events);
  return {
    name: "CloudTrail",
    serves: SERVES,
    claims: ({ request, path, method }) =>
      path === "/" && method === "POST" && targetOperation(request.headers["x-amz-target"], TARGET_PREFIXES) !== null,
    serve: (call, shared) => serveLookupEvents(call, shared, stores),
  };
}
