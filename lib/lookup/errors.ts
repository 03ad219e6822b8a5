import type { ErrorCode } from "../errors";

/** Why a LookupEvents page could not be read, in our own words (never the SDK's). */
export type LookupErrorCode = Extract<
  ErrorCode,
  | "lookup.throttled"
  | "lookup.unavailable"
  | "lookup.no-credentials"
  | "lookup.expired-credentials"
  | "lookup.invalid-credentials"
  | "lookup.denied"
  | "lookup.bad-region"
  | "lookup.bad-request"
>;

/** Worth another try after a pause. */
export function isRetryable(code: LookupErrorCode): boolean {
  return code === "lookup.throttled" || code === "lookup.unavailable";
}

/** Wrong in every Region alike: stop the whole lookup rather than repeat the failure per Region. */
export function isFatal(code: LookupErrorCode): boolean {
  return code === "lookup.no-credentials" || code === "lookup.expired-credentials" || code === "lookup.denied";
}

/**
 * The one permission whydenied's lookups need. LookupEvents has no resource-level permissions,
 * so the resource is "*".
 */
export const LOOKUP_POLICY = {
  Version: "2012-10-17",
  Statement: [{ Sid: "WhyDeniedLookup", Effect: "Allow", Action: "cloudtrail:LookupEvents", Resource: "*" }],
} as const;
