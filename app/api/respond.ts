import "server-only";
import type { ErrorCode } from "@/lib/errors";
import { serverEnv } from "@/lib/env";
import { apiSecurityHeaders, guardedHeadersOf, refuseRequest, statusFor } from "@/lib/http";
import { requestContext, type RequestContext } from "@/lib/portal/server";
import type { AppError } from "@/lib/result";

/** The media type of the JSON API bodies. */
export const JSON_ONLY = ["application/json"];

/** What the server says, to anyone, when its own sign-in or portal settings are broken (the log says how). */
export const SETTINGS_BROKEN_MESSAGE = "whydenied's sign-in or portal settings are broken; the server log says how.";

/** What every API answer carries: no caching and the API's security headers, then the route's own `extra`. */
export function apiHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return {
    "Cache-Control": "no-store",
    ...apiSecurityHeaders({ hsts: serverEnv().WHYDENIED_HSTS === "on" }),
    ...extra,
  };
}

/** Every API error has one shape, `{code, message}`, and a status from one table. */
export function errorResponse(error: AppError<ErrorCode>, headers: Record<string, string> = {}): Response {
  return Response.json(
    { code: error.code, message: error.message },
    { status: statusFor(error.code), headers: apiHeaders(headers) },
  );
}

export function jsonResponse(
  body: unknown,
  init: { status?: number; headers?: Record<string, string> } = {},
): Response {
  return Response.json(body, { status: init.status, headers: apiHeaders(init.headers) });
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
function refuseForeign(request: Request, mediaTypes?: readonly string[]): Response | null {
  const refusal = refuseRequest(guardedHeadersOf(request), {
    allowedHosts: serverEnv().WHYDENIED_ALLOWED_HOSTS,
    mediaTypes,
  });
  return refusal === null ? null : errorResponse(refusal);
}

export type Admission = { ok: true; context: RequestContext } | { ok: false; response: Response };

/**
 * How every API route starts. proxy.ts guards the pages only (for a request it runs on, Next.js holds the whole body
 * in memory before the route sees any of it), so each route admits its own requests: from this site, with a
 * documented media type (`mediaTypes`, for routes that take a body) and, with sign-in on, a valid identity of the
 * configured proxy (401 otherwise). Identity is read only from that proxy's headers, so headers another proxy's
 * names carry are never believed.
 */
export async function admitApiRequest(request: Request, mediaTypes?: readonly string[]): Promise<Admission> {
  const refused = refuseForeign(request, mediaTypes);
  if (refused) return { ok: false, response: refused };
  const context = await requestContext(request.headers);
  if (context.ok) return { ok: true, context: context.value };
  const { code, message } = context.error;
  if (code === "auth.unauthenticated") return { ok: false, response: errorResponse({ code, message }) };
  console.error(`[sign-in] ${code}: ${message}`);
  return { ok: false, response: errorResponse({ code, message: SETTINGS_BROKEN_MESSAGE }) };
}
