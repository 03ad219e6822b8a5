import { fail, ok } from "../result";
import { AUTH_REQUEST_HEADERS, FORWARDED_HEADERS } from "./headers";
import type { AuthResult, HeaderSource } from "./identity";

/**
 * One header's value, or null when absent or blank. A value with a comma is refused: a second copy of the header
 * (one the client sent beside the proxy's) arrives joined with ", ", and neither copy can be trusted then.
 */
function single(headers: HeaderSource, name: string): { value: string | null } | "ambiguous" {
  const value = headers.get(name)?.trim();
  if (!value) return { value: null };
  return value.includes(",") ? "ambiguous" : { value };
}

/** Groups as oauth2-proxy sends them: one comma-separated header. */
function groupsOf(headers: HeaderSource, name: string): string[] {
  const value = headers.get(name) ?? "";
  return [
    ...new Set(
      value
        .split(",")
        .map((group) => group.trim())
        .filter(Boolean),
    ),
  ];
}

/**
 * The user oauth2-proxy vouches for, from the header set of the way it is deployed: `X-Forwarded-*` as the
 * reverse proxy, `X-Auth-Request-*` behind nginx's auth_request. Only that set is read; the proxy must strip
 * client copies of it (oauth2-proxy does for the headers it sets) and the app must be reachable only through it.
 */
export function identityFromOauth2Proxy(headers: HeaderSource, via: "oauth2-proxy" | "auth-request"): AuthResult {
  const names = via === "oauth2-proxy" ? FORWARDED_HEADERS : AUTH_REQUEST_HEADERS;
  const email = single(headers, names.email);
  const user = single(headers, names.user);
  if (email === "ambiguous" || user === "ambiguous")
    return fail("auth.unauthenticated", `The identity headers ${names.email}/${names.user} were sent more than once.`);
  const who = email.value ?? user.value;
  if (!who)
    return fail(
      "auth.unauthenticated",
      `Sign in first: the request carries no ${names.email} or ${names.user} header.`,
    );
  return ok({ user: who, email: email.value, groups: groupsOf(headers, names.groups), via });
}
