import type { ErrorCode } from "../errors";

/** The one mapping from an error code to an HTTP status: exhaustive, so a new code must be given one here. */
const STATUS_BY_CODE: Record<ErrorCode, number> = {
  "input.empty": 400,
  "input.too-large": 413,
  "request.malformed-json": 400,
  "request.invalid": 400,
  "request.too-large": 413,
  "request.method-not-allowed": 405,
  "request.cross-origin": 403,
  "request.bad-host": 403,
  "request.unsupported-media-type": 415,
  "request.too-many-concurrent": 429,
  "lookup.bad-arn": 400,
  "lookup.bad-window": 400,
  "lookup.window-too-large": 400,
  "lookup.bad-region": 400,
  "lookup.demo-disabled": 403,
  "lookup.no-credentials": 401,
  "lookup.expired-credentials": 401,
  "lookup.invalid-credentials": 401,
  "lookup.denied": 403,
  "lookup.throttled": 429,
  "lookup.unavailable": 502,
  "lookup.bad-request": 502,
  "upload.empty": 400,
  "upload.too-large": 413,
  "upload.inflated-too-large": 413,
  "upload.time-limit": 413,
  "trail.unrecognized": 422,
  "trail.truncated": 422,
  "trail.record-too-large": 413,
  "snapshot.not-found": 404,
  "snapshot.bad-token": 403,
  "snapshot.rate-limited": 429,
  "store.unavailable": 503,
  "auth.unauthenticated": 401,
  "auth.misconfigured": 500,
  "config.unreadable": 500,
  "config.invalid": 500,
  "portal.account-required": 400,
  "portal.account-forbidden": 403,
  "credentials.refused": 403,
  "credentials.invalid-request": 502,
  "credentials.no-portal-identity": 503,
  "credentials.unavailable": 502,
  "internal.error": 500,
};

/** The HTTP status an error answers with. */
export function statusFor(code: ErrorCode): number {
  return STATUS_BY_CODE[code];
}
