import { fail } from "../result";

/** Why AWS gave no authorization details, as values the portal shows before falling back to the diagnosis. */
export type ToolboxErrorCode =
  "toolbox.not-found" | "toolbox.refused" | "toolbox.invalid-request" | "toolbox.throttled" | "toolbox.unavailable";

const NOT_FOUND = new Set(["ResourceNotFoundException"]);
const REFUSED = new Set([
  "AccessDeniedException",
  "UnrecognizedClientException",
  "ExpiredTokenException",
  "InvalidClientTokenId",
  "SignatureDoesNotMatch",
]);
const INVALID = new Set(["ValidationException"]);
const THROTTLED = new Set(["ThrottlingException", "TooManyRequestsException"]);

/** The error code a REST-JSON answer names: the `x-amzn-ErrorType` header, else `code`/`__type`, cut at `:` and `#`. */
export function errorCodeOf(header: string | null, body: unknown): string {
  const fromBody =
    typeof body === "object" && body !== null
      ? ((body as Record<string, unknown>).code ?? (body as Record<string, unknown>).__type)
      : undefined;
  const raw = header ?? (typeof fromBody === "string" ? fromBody : "");
  const withoutExtra = raw.split(":")[0] ?? "";
  return withoutExtra.slice(withoutExtra.lastIndexOf("#") + 1);
}

/** A failed IAM Toolbox call as one of ToolboxErrorCode, saying what it means for the reader. */
export function toolboxFailure(status: number, code: string, message: string, authorizationId: string) {
  const said = `${code || `HTTP ${status}`}: ${message}`;
  if (NOT_FOUND.has(code) || status === 404)
    return fail(
      "toolbox.not-found",
      `AWS has no authorization details for ${authorizationId}: the id is unknown or has expired (AWS keeps them at least 24 hours). ${said}`,
    );
  if (REFUSED.has(code) || status === 403)
    return fail(
      "toolbox.refused",
      `AWS refused to show the authorization details of ${authorizationId} (${said}). The portal's role needs ` +
        "iam:GetRequestAuthorizationDetails and iam:GetRequestAuthorizationPolicy, in the account or organization of the denial.",
    );
  if (INVALID.has(code) || status === 400)
    return fail("toolbox.invalid-request", `AWS refused the request for ${authorizationId}: ${said}`);
  if (THROTTLED.has(code) || status === 429)
    return fail("toolbox.throttled", `AWS throttled the authorization details call: ${said}`);
  return fail("toolbox.unavailable", `IAM Toolbox could not answer for ${authorizationId}: ${said}`);
}
