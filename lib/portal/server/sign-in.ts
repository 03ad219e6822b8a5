import "server-only";
import { identityHeadersToStrip } from "../../auth";
import { ok, type Result } from "../../result";
import { portalSettings, type RequestContextErrorCode } from "./context";

/**
 * The headers a page's request may go on with: a copy without every identity header no configured proxy vouches for
 * (all of them when sign-in is off), so nothing later can read a user the client made up. With sign-in on, the
 * request must also carry a valid identity of the configured proxy: else the error (`auth.unauthenticated`, or the
 * server's own settings problem) is the answer.
 */
export async function admitRequest(headers: Headers): Promise<Result<Headers, RequestContextErrorCode>> {
  const portal = await portalSettings();
  if (!portal.ok) return portal;
  const stripped = new Headers(headers);
  for (const name of identityHeadersToStrip(portal.value.proxy)) stripped.delete(name);
  if (!portal.value.authenticate) return ok(stripped);
  const identity = await portal.value.authenticate(stripped);
  return identity.ok ? ok(stripped) : identity;
}
