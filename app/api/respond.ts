import "server-only";
import type { ErrorCode } from "@/lib/errors";
import { serverEnv } from "@/lib/env";
import { guardedHeadersOf, refuseRequest, statusFor } from "@/lib/http";
import type { AppError } from "@/lib/result";

/** The media type of the JSON API bodies. */
export const JSON_ONLY = ["application/json"];

const NO_STORE = { "Cache-Control": "no-store" };

/** Every API error has one shape, `{code, message}`, and a status from one table. */
export function errorResponse(error: AppError<ErrorCode>, headers: Record<string, string> = {}): Response {
  return Response.json(
    { code: error.code, message: error.message },
    { status: statusFor(error.code), headers: { ...NO_STORE, ...headers } },
  );
}

export function jsonResponse(body: unknown): Response {
  return Response.json(body, { headers: NO_STORE });
}

/** Unexpected failures: log a generic line (never the request body) and answer a generic 500. */
export function internalError(route: string, error: unknown): Response {
  console.error(`[${route}] unexpected error: ${error instanceof Error ? error.name : "unknown"}`);
  return errorResponse({
    code: "internal.error",
    message: "Something went wrong on our side. Nothing you sent was stored.",
  });
}

/** The handler for every method a route does not serve: 405 with the usual `{code, message}` and an Allow header. */
export function methodNotAllowed(allowed: "GET" | "POST" | "GET, DELETE"): () => Response {
  return () =>
    errorResponse(
      { code: "request.method-not-allowed", message: `This endpoint answers ${allowed} requests only.` },
      { Allow: allowed },
    );
}

/**
 * The answer for a request from another site, for a host name the server does not answer to, or with a media type
 * the route does not document (`mediaTypes` for routes that take a body); `null` lets the request in. No CORS
 * headers are ever sent, so a browser never shares an answer across origins.
 */
export function refuseForeign(request: Request, mediaTypes?: readonly string[]): Response | null {
  const refusal = refuseRequest(guardedHeadersOf(request), {
    allowedHosts: serverEnv().WHYDENIED_ALLOWED_HOSTS,
    mediaTypes,
  });
  return refusal === null ? null : errorResponse(refusal);
}
