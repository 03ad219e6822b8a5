import type { z } from "zod";
import { apiErrorSchema } from "@/lib/wire";

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

const UNREACHABLE = "Could not reach the whydenied server. Is it still running?";

/** The ApiError a failed answer stands for: the server's `{code, message}` when it sent one. */
export function apiErrorOf(status: number, payload: unknown): ApiError {
  const body = apiErrorSchema.safeParse(payload);
  return body.success
    ? new ApiError(body.data.code, body.data.message)
    : new ApiError("internal.error", `The server answered ${status}.`);
}

/** Reads an answer: the body parsed with `schema`, or an ApiError with the server's words. */
async function readAnswer<Schema extends z.ZodType>(response: Response, schema: Schema): Promise<z.output<Schema>> {
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) throw apiErrorOf(response.status, payload);
  const answer = schema.safeParse(payload);
  if (!answer.success) throw new ApiError("internal.error", "The server's answer was not in the expected shape.");
  return answer.data;
}

/** POSTs JSON and returns the body parsed with `schema`, or throws an ApiError with the server's words. */
export async function postJson<Schema extends z.ZodType>(
  url: string,
  body: unknown,
  schema: Schema,
): Promise<z.output<Schema>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError("network.unreachable", UNREACHABLE);
  }
  return readAnswer(response, schema);
}

/** GETs JSON and returns the body parsed with `schema`, or throws an ApiError with the server's words. */
export async function getJson<Schema extends z.ZodType>(url: string, schema: Schema): Promise<z.output<Schema>> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: "application/json" } });
  } catch {
    throw new ApiError("network.unreachable", UNREACHABLE);
  }
  return readAnswer(response, schema);
}
