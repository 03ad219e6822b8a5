import "server-only";
import type { AppError } from "@/lib/result";
import { statusFor } from "@/lib/http/status";

const NO_STORE = { "Cache-Control": "no-store" };

/** Every API error has one shape, `{code, message}`, and a status from one table. */
export function errorResponse(error: AppError): Response {
  return Response.json(
    { code: error.code, message: error.message },
    { status: statusFor(error.code), headers: NO_STORE },
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
