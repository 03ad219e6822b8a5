import type { Diagnosis } from "@/lib/model";

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
  const payload = (await response.json().catch(() => null)) as { code?: string; message?: string } | null;
  if (!response.ok) {
    throw new ApiError(
      payload?.code ?? "internal.error",
      payload?.message ?? `The server answered ${response.status}.`,
    );
  }
  return payload as T;
}

/** GETs JSON and returns the typed body, or throws an ApiError with the server's words. */
export async function getJson<T>(url: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: "application/json" } });
  } catch {
    throw new ApiError("network.unreachable", "Could not reach the whydenied server. Is it still running?");
  }
  const payload = (await response.json().catch(() => null)) as { code?: string; message?: string } | null;
  if (!response.ok)
    throw new ApiError(
      payload?.code ?? "internal.error",
      payload?.message ?? `The server answered ${response.status}.`,
    );
  return payload as T;
}
