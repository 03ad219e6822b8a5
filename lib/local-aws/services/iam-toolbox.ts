import { sendRestJson, sendRestJsonError } from "../protocols/rest-json";
import { signingScope } from "../protocols/sigv4";
import type { AuthorizationSeed, LocalService, ServiceCall, ServiceData, SharedState } from "./service";
import { signedCaller } from "./signed-caller";

const SERVES = "IAM Toolbox GetRequestAuthorizationDetails and GetRequestAuthorizationPolicy";
/** The SigV4 signing name clients use for IAM Toolbox (its endpoint prefix; the model's auth trait unconfirmed). */
const SIGNING_NAME = "iam-toolbox";
const PREFIX = "/authorization-details/";
const ROUTE = /^\/authorization-details\/([^/]+)(\/policy)?$/;
const AUTHORIZATION_ID = /^[0-9a-z]+$/;
/** AWS keeps authorization details at least 24 hours after the denial. */
export const RETENTION_MS = 24 * 60 * 60 * 1000;
/** Small, so a seeded id with a few evaluations exercises the client's paging. */
const EVALUATIONS_PER_PAGE = 2;

type Answer = { status: number; body: unknown } | { status: number; code: string; message: string };

const refuse = (status: number, code: string, message: string): Answer => ({ status, code, message });

function pageToken(authorizationId: string, offset: number): string {
  return Buffer.from(JSON.stringify({ authorizationId, offset })).toString("base64url");
}

function offsetOf(token: string | null, authorizationId: string): number | null {
  if (token === null) return 0;
  try {
    const read = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as {
      authorizationId?: unknown;
      offset?: unknown;
    };
    return read.authorizationId === authorizationId && Number.isInteger(read.offset) ? (read.offset as number) : null;
  } catch {
    return null;
  }
}

function detailsPage(seed: AuthorizationSeed, token: string | null): Answer {
  const offset = offsetOf(token, seed.authorizationId);
  if (offset === null)
    return refuse(400, "ValidationException", "The nextToken is not valid for this authorization id.");
  const end = offset + EVALUATIONS_PER_PAGE;
  const evaluations = seed.details.evaluations.slice(offset, end);
  const more = end < seed.details.evaluations.length;
  const body = { ...seed.details, evaluations, ...(more ? { nextToken: pageToken(seed.authorizationId, end) } : {}) };
  return { status: 200, body };
}

function policyAnswer(seed: AuthorizationSeed, policyUri: string | null): Answer {
  if (!policyUri) return refuse(400, "ValidationException", "policyUri is required.");
  const document = seed.policies?.[policyUri];
  if (document === undefined)
    return refuse(404, "ResourceNotFoundException", `No policy ${policyUri} was evaluated for this authorization id.`);
  return { status: 200, body: { policyDocument: document } };
}

/** Who may read an id's details: a caller holding a live session of the account recorded for the denial. */
function answer(call: ServiceCall, shared: SharedState, seeds: ReadonlyMap<string, AuthorizationSeed>): Answer {
  const { request, path } = call;
  const scope = signingScope(request.headers.authorization, SIGNING_NAME);
  if (!scope.ok) return refuse(403, scope.error.code, scope.error.message);
  const now = shared.clock.now();
  const caller = signedCaller(request, scope.value.accessKeyId, shared.sessions, now);
  if (!caller.ok) return refuse(403, caller.error.code, caller.error.message);
  // Authorization details are only ever shown to a session of the denial's account: plain keys are no one's.
  if (caller.value.kind === "plain")
    return refuse(403, "UnrecognizedClientException", "The security token included in the request is invalid.");
  const session = caller.value;
  const route = ROUTE.exec(path);
  const authorizationId = decodeURIComponent(route?.[1] ?? "");
  if (call.method !== "GET" || !route)
    return refuse(404, "UnknownOperationException", `No route for ${call.method} ${path}.`);
  if (!AUTHORIZATION_ID.test(authorizationId))
    return refuse(400, "ValidationException", "authorizationId must match [0123456789abcdefghijklmnopqrstuvwxyz]+.");
  const seed = seeds.get(authorizationId);
  if (!seed || Date.parse(seed.deniedAt) + RETENTION_MS <= now)
    return refuse(
      404,
      "ResourceNotFoundException",
      `Authorization details for ${authorizationId} were not found or have expired.`,
    );
  if (seed.accountId !== session.accountId)
    return refuse(
      403,
      "AccessDeniedException",
      `${session.roleArn} may not read authorization details recorded for another account or organization.`,
    );
  const query = new URL(request.url ?? "/", "http://local").searchParams;
  return route[2] ? policyAnswer(seed, query.get("policyUri")) : detailsPage(seed, query.get("nextToken"));
}

/**
 * IAM Toolbox over REST-JSON: `GET /authorization-details/{id}` (GetRequestAuthorizationDetails, paged) and
 * `GET /authorization-details/{id}/policy?policyUri=` (GetRequestAuthorizationPolicy) for the seeded ids, to
 * callers signed with a session STS issued in the id's account; an id past RETENTION_MS is gone.
 */
export function iamToolboxService(data: ServiceData): LocalService {
  const seeds = new Map(data.authorizations.map((seed) => [seed.authorizationId, seed]));
  return {
    name: "IAM Toolbox",
    serves: SERVES,
    claims: ({ path }) => path.startsWith(PREFIX),
    serve: (call, shared) => {
      const answered = answer(call, shared, seeds);
      if ("code" in answered)
        sendRestJsonError(call.response, answered.status, answered.code, answered.message, call.requestId);
      else sendRestJson(call.response, answered.status, answered.body, call.requestId);
      return Promise.resolve();
    },
  };
}
