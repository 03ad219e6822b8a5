import { fail, ok, type Result } from "../../result";

const CREDENTIAL_SCOPE = /Credential=([^/,\s]+)\/\d{8}\/([a-z0-9-]+)\/([a-z0-9-]+)\/aws4_request/;

/**
 * The Region a request was signed for, from the SigV4 credential scope in its Authorization
 * header (the host is 127.0.0.1, so it cannot come from there), refused unless the scope names
 * `service` (its signing name, e.g. "cloudtrail"). The signature itself is not checked.
 */
export function regionOfSignedRequest(authorization: string | undefined, service: string): Result<string> {
  const scope = signingScope(authorization, service);
  return scope.ok ? ok(scope.value.region) : scope;
}

/**
 * The access key id and Region a request was signed with, from the same credential scope, refused unless it
 * names `service`; the key tells a service which issued session (and so which account) the caller is.
 */
export function signingScope(
  authorization: string | undefined,
  service: string,
): Result<{ accessKeyId: string; region: string }> {
  if (!authorization) {
    return fail("MissingAuthenticationTokenException", "Missing Authentication Token");
  }
  const scope = CREDENTIAL_SCOPE.exec(authorization);
  if (!scope?.[1] || !scope[2]) {
    return fail(
      "IncompleteSignatureException",
      "Authorization header requires a 'Credential' parameter with a valid SigV4 scope.",
    );
  }
  if (scope[3] !== service) {
    return fail("InvalidSignatureException", `Credential should be scoped to correct service: '${service}'.`);
  }
  return ok({ accessKeyId: scope[1], region: scope[2] });
}
