import type { IncomingMessage } from "node:http";
import { fail, ok, type Result } from "../../result";
import type { SessionRegistry } from "../sessions";

/**
 * Who signed a request: a live session STS issued here (so an account), or plain credentials this endpoint never
 * issued, which it takes as the demo's and tests' "any key" and lets see everything.
 */
export type SignedCaller = { kind: "session"; accountId: string; roleArn: string } | { kind: "plain" };

/**
 * The caller behind a request's access key. A key of a session issued here must come with that session's token
 * and before its expiry, as AWS checks them: otherwise the error AWS answers (UnrecognizedClientException,
 * ExpiredTokenException).
 */
export function signedCaller(
  request: IncomingMessage,
  accessKeyId: string,
  sessions: SessionRegistry,
  now: number,
): Result<SignedCaller> {
  const session = sessions.find(accessKeyId, now);
  if (session === "unknown") return ok({ kind: "plain" });
  if (session === "expired")
    return fail("ExpiredTokenException", "The security token included in the request is expired.");
  if (request.headers["x-amz-security-token"] !== session.sessionToken)
    return fail("UnrecognizedClientException", "The security token included in the request is invalid.");
  return ok({ kind: "session", accountId: session.accountId, roleArn: session.roleArn });
}
