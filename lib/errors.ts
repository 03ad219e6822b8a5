import { z } from "zod";

/**
 * Every error code the app answers with, as `{code, message}` or as a stream's `error` line. Each has an HTTP
 * status in lib/http/status.ts, so a new code cannot go out without one.
 */
export const errorCodeSchema = z.enum([
  "input.empty",
  "input.too-large",
  "request.malformed-json",
  "request.invalid",
  "request.too-large",
  "request.method-not-allowed",
  "request.cross-origin",
  "request.bad-host",
  "request.unsupported-media-type",
  "request.too-many-concurrent",
  "lookup.bad-arn",
  "lookup.bad-window",
  "lookup.window-too-large",
  "lookup.bad-region",
  "lookup.demo-disabled",
  "lookup.no-credentials",
  "lookup.expired-credentials",
  "lookup.invalid-credentials",
  "lookup.denied",
  "lookup.throttled",
  "lookup.unavailable",
  "lookup.bad-request",
  "upload.empty",
  "upload.too-large",
  "upload.inflated-too-large",
  "upload.time-limit",
  "trail.unrecognized",
  "trail.truncated",
  "trail.record-too-large",
  "snapshot.not-found",
  "snapshot.bad-token",
  "snapshot.rate-limited",
  "store.unavailable",
  "auth.unauthenticated",
  "auth.misconfigured",
  "config.unreadable",
  "config.invalid",
  "portal.account-required",
  "portal.account-forbidden",
  "credentials.refused",
  "credentials.invalid-request",
  "credentials.no-portal-identity",
  "credentials.unavailable",
  "internal.error",
]);

export type ErrorCode = z.infer<typeof errorCodeSchema>;

/** Codes only a stream's `notice` line carries: something was left out, nothing failed. */
const noticeOnlyCodeSchema = z.enum(["denials.unlisted", "denials.too-deep", "denials.too-large", "trail.malformed"]);

/** A notice names why part of the work was skipped: a notice-only code, or the error that ended one scan. */
export const noticeCodeSchema = z.union([noticeOnlyCodeSchema, errorCodeSchema]);
