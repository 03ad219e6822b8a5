import type { ErrorCode } from "../errors";
import type { AppError } from "../result";

/** The request headers the guard reads, each `null` when absent. */
export interface GuardedHeaders {
  host: string | null;
  origin: string | null;
  secFetchSite: string | null;
  contentType: string | null;
}

/** What a route accepts: the host names it answers to and, for a body, the media types it documents. */
export interface GuardPolicy {
  allowedHosts: readonly string[];
  mediaTypes?: readonly string[];
}

type GuardCode = Extract<ErrorCode, "request.cross-origin" | "request.bad-host" | "request.unsupported-media-type">;

/** The host name of a `Host` header or URL authority, lower case, without the port (`[::1]:3000` → `[::1]`). */
export function hostNameOf(authority: string): string | null {
  if (/[\s@/?#\\]/.test(authority)) return null;
  try {
    return new URL(`http://${authority}`).hostname;
  } catch {
    return null;
  }
}

/** The media type of a `Content-Type` header, without its parameters, lower case. */
function mediaTypeOf(contentType: string): string {
  return (contentType.split(";")[0] ?? "").trim().toLowerCase();
}

/**
 * Refuses a request another site could have made or a rebound DNS name could read: a `Host` outside the allowed
 * names (any port), an `Origin` other than the request's own, a browser's `Sec-Fetch-Site` other than same-origin
 * or user-typed, and a body of a media type the route does not document. A request with neither `Origin` nor
 * `Sec-Fetch-Site` comes from a non-browser client (curl, the CLI) and passes these two checks. `null` lets it in.
 */
export function refuseRequest(headers: GuardedHeaders, policy: GuardPolicy): AppError<GuardCode> | null {
  const hostName = headers.host === null ? null : hostNameOf(headers.host);
  if (hostName === null || !policy.allowedHosts.includes(hostName))
    return { code: "request.bad-host", message: "This server does not answer to that host name." };
  if (headers.origin !== null && !isOwnOrigin(headers.origin, headers.host ?? ""))
    return { code: "request.cross-origin", message: "Requests from other sites are not accepted." };
  if (headers.secFetchSite !== null && !["same-origin", "none"].includes(headers.secFetchSite.toLowerCase()))
    return { code: "request.cross-origin", message: "Requests from other sites are not accepted." };
  if (policy.mediaTypes !== undefined && !policy.mediaTypes.includes(mediaTypeOf(headers.contentType ?? "")))
    return {
      code: "request.unsupported-media-type",
      message: `This endpoint accepts ${policy.mediaTypes.join(" or ")} only.`,
    };
  return null;
}

function isOwnOrigin(origin: string, host: string): boolean {
  try {
    const url = new URL(origin);
    return (url.protocol === "http:" || url.protocol === "https:") && url.host === new URL(`http://${host}`).host;
  } catch {
    return false;
  }
}

/** The guard's headers from a Fetch API `Headers`; the `Host` falls back to the URL's for requests built in tests. */
export function guardedHeadersOf(request: Request): GuardedHeaders {
  return {
    host: request.headers.get("host") ?? new URL(request.url).host,
    origin: request.headers.get("origin"),
    secFetchSite: request.headers.get("sec-fetch-site"),
    contentType: request.headers.get("content-type"),
  };
}
