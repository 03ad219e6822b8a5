import type { ServerResponse } from "node:http";
import { escapeXml, isQueryRequest, sendQueryError, sendQueryResult } from "../protocols/query";
import { regionOfSignedRequest } from "../protocols/sigv4";
import type { LocalService, RoleSeed, ServiceCall, ServiceData, SharedState } from "./service";

const SERVES = "STS AssumeRole";
const DEFAULT_MAX_SESSION_SECONDS = 3_600;
const MIN_SESSION_SECONDS = 900;
/** RoleSessionName and SourceIdentity: 2–64 of letters, digits and `_+=,.@-` (STS API reference). */
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
const ROLE_ARN = /^arn:aws[\w-]*:iam::(\d{12}):role\/(?:.*\/)?([\w+=,.@-]+)$/;

type Refusal = { status: number; code: string; message: string };

interface AssumeRoleRequest {
  role: RoleSeed;
  accountId: string;
  roleName: string;
  sessionName: string;
  sourceIdentity: string | null;
  durationSeconds: number;
}

const validation = (message: string): Refusal => ({ status: 400, code: "ValidationError", message });

/** The checks STS makes before it grants a session: parameters, the role's trust, and its external id. */
function readAssumeRole(form: URLSearchParams, roles: readonly RoleSeed[]): AssumeRoleRequest | Refusal {
  const roleArn = form.get("RoleArn") ?? "";
  const sessionName = form.get("RoleSessionName") ?? "";
  const sourceIdentity = form.get("SourceIdentity");
  if (!SESSION_NAME.test(sessionName))
    return validation("1 validation error detected: Value at 'roleSessionName' failed to satisfy constraint");
  if (sourceIdentity !== null && (!SESSION_NAME.test(sourceIdentity) || sourceIdentity.startsWith("aws:")))
    return validation("1 validation error detected: Value at 'sourceIdentity' failed to satisfy constraint");
  const parsedArn = ROLE_ARN.exec(roleArn);
  const role = roles.find((candidate) => candidate.roleArn === roleArn);
  const denied = {
    status: 403,
    code: "AccessDenied",
    message: `User: arn:aws:iam::000000000000:user/whydenied-portal is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
  };
  if (!parsedArn?.[1] || !parsedArn[2] || !role) return denied;
  if ((role.externalId ?? null) !== form.get("ExternalId")) return denied;
  const maximum = role.maxSessionSeconds ?? DEFAULT_MAX_SESSION_SECONDS;
  const durationSeconds = Number(form.get("DurationSeconds") ?? DEFAULT_MAX_SESSION_SECONDS);
  if (!Number.isInteger(durationSeconds) || durationSeconds < MIN_SESSION_SECONDS || durationSeconds > maximum)
    return validation(
      `The requested DurationSeconds exceeds the MaxSessionDuration set for this role (${MIN_SESSION_SECONDS}–${maximum}).`,
    );
  return { role, accountId: parsedArn[1], roleName: parsedArn[2], sessionName, sourceIdentity, durationSeconds };
}

function answerAssumeRole(
  response: ServerResponse,
  request: AssumeRoleRequest,
  shared: SharedState,
  requestId: string,
) {
  const expiresAt = shared.clock.now() + request.durationSeconds * 1000;
  const session = shared.sessions.issue({
    accountId: request.accountId,
    roleArn: request.role.roleArn,
    sourceIdentity: request.sourceIdentity,
    expiresAt,
  });
  shared.stats.assumedRole({
    roleArn: request.role.roleArn,
    roleSessionName: request.sessionName,
    sourceIdentity: request.sourceIdentity,
  });
  const assumedArn = `arn:aws:sts::${request.accountId}:assumed-role/${request.roleName}/${request.sessionName}`;
  const source = request.sourceIdentity ? `<SourceIdentity>${escapeXml(request.sourceIdentity)}</SourceIdentity>` : "";
  const xml =
    `${source}<AssumedRoleUser><AssumedRoleId>AROA${request.accountId}LOCAL:${escapeXml(request.sessionName)}</AssumedRoleId>` +
    `<Arn>${escapeXml(assumedArn)}</Arn></AssumedRoleUser>` +
    `<Credentials><AccessKeyId>${session.accessKeyId}</AccessKeyId><SecretAccessKey>${session.secretAccessKey}</SecretAccessKey>` +
    `<SessionToken>${session.sessionToken}</SessionToken><Expiration>${new Date(expiresAt).toISOString()}</Expiration></Credentials>` +
    `<PackedPolicySize>0</PackedPolicySize>`;
  sendQueryResult(response, "AssumeRole", xml, requestId);
}

function serveSts(call: ServiceCall, shared: SharedState, roles: readonly RoleSeed[]): void {
  const { request, response, requestId } = call;
  const region = regionOfSignedRequest(request.headers.authorization, "sts");
  if (!region.ok) return sendQueryError(response, 403, region.error.code, region.error.message, requestId);
  const form = new URLSearchParams(call.body);
  const action = form.get("Action");
  if (action !== "AssumeRole")
    return sendQueryError(response, 400, "InvalidAction", `This endpoint serves ${SERVES} only.`, requestId);
  const read = readAssumeRole(form, roles);
  if ("code" in read) {
    shared.stats.refusedAssumeRole();
    return sendQueryError(response, read.status, read.code, read.message, requestId);
  }
  answerAssumeRole(response, read, shared, requestId);
}

/**
 * STS over AWS Query (form-encoded POST /, XML answers), as `@aws-sdk/client-sts` speaks it: AssumeRole of the
 * seeded roles, checking the external id a role requires, handing out temporary credentials the other services
 * map back to the role's account, and recording each session's name and source identity in the stats.
 */
export function stsService(data: ServiceData): LocalService {
  return {
    name: "STS",
    serves: SERVES,
    claims: ({ request, path, method }) => isQueryRequest(request.headers["content-type"], method, path),
    serve: (call, shared) => Promise.resolve(serveSts(call, shared, data.roles)),
  };
}
