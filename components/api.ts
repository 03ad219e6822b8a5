import type { z } from "zod";
import type { Diagnosis } from "@/lib/model";
import { apiErrorSchema } from "@/lib/wire";

export type DiagnoseResponse = Diagnosis & { truncated: boolean };

/** A failed API call, carrying the server's `{code, message}`. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** POSTs JSON and returns the typed body, or throws an ApiError with the server's words. */
export async function postJson<T>(url: string, body: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError("network.unreachable", "Could not reach the whydenied server. Is it still running?");
  }
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) throw apiErrorOf(response.status, payload);
  return payload as T;
}

/** The ApiError a failed answer stands for: the server's `{code, message}` when it sent one. */
export function apiErrorOf(status: number, payload: unknown): ApiError {
  const body = apiErrorSchema.safeParse(payload);
  return body.success
    ? new ApiError(body.data.code, body.data.message)
    : new ApiError("internal.error", `The server answered ${status}.`);
}

/** GETs JSON and returns the body parsed by `schema`, or throws an ApiError with the server's words. */
export async function getJson<T extends z.ZodType>(url: string, schema: T): Promise<z.output<T>> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: "application/json" } });
  } catch {
    throw new ApiError("network.unreachable", "Could not reach the whydenied server. Is it still running?");
  }
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) throw apiErrorOf(response.status, payload);
  return schema.parse(payload);
}
