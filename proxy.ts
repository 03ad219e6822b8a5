import { NextResponse, type NextRequest } from "next/server";
import { SETTINGS_BROKEN_MESSAGE } from "@/app/api/respond";
import { serverEnv } from "@/lib/env";
import { isSnapshotPath, NONCE_HEADER, securityHeaders, SNAPSHOT_HEADERS } from "@/lib/http";
import { admitRequest, type RequestContextErrorCode } from "@/lib/portal/server";
import type { AppError } from "@/lib/result";

const PLAIN_TEXT = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" };

/** A page asked for without a valid identity: 401 and a short plain page (no markup, nothing to run). */
function signInPage(): Response {
  return new Response(
    "Sign in first.\n\nwhydenied signs you in through your company's sign-in proxy: open it at the address your team " +
      "gave you (the proxy's), not at this server's own address.\n",
    { status: 401, headers: PLAIN_TEXT },
  );
}

/** Why a page was not let in: 401 when the request has no valid identity, else the server's own settings are broken. */
function refusal(error: AppError<RequestContextErrorCode>): Response {
  if (error.code === "auth.unauthenticated") return signInPage();
  console.error(`[sign-in] ${error.code}: ${error.message}`);
  return new Response(`${SETTINGS_BROKEN_MESSAGE}\n`, { status: 500, headers: PLAIN_TEXT });
}

/**
 * Gives every page a fresh script nonce and the strict CSP that requires it (Next.js reads the nonce from the
 * request's CSP header and puts it on its own scripts; the layout reads it for the theme script), HSTS when
 * `WHYDENIED_HSTS=on`, and for snapshots no referrer and no indexing. Before anything reads the request it removes
 * the identity headers no configured proxy vouches for, and with `WHYDENIED_AUTH=proxy` it answers 401 to a page
 * asked for without a valid identity of that proxy. It does not run for the API (see `config`).
 */
export async function proxy(request: NextRequest): Promise<Response> {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
  const headers = securityHeaders({
    nonce,
    hsts: serverEnv().WHYDENIED_HSTS === "on",
    development: process.env.NODE_ENV === "development",
  });
  const { pathname } = request.nextUrl;
  const admitted = await admitRequest(request.headers);
  let response: Response;
  if (admitted.ok) {
    const forwarded = admitted.value;
    forwarded.set(NONCE_HEADER, nonce);
    forwarded.set("Content-Security-Policy", headers["Content-Security-Policy"] ?? "");
    response = NextResponse.next({ request: { headers: forwarded } });
  } else response = refusal(admitted.error);
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  if (isSnapshotPath(pathname))
    for (const [name, value] of Object.entries(SNAPSHOT_HEADERS)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Static assets carry no markup to protect, and the liveness check answers whoever asks (a load balancer's probe
  // carries no identity). The API routes admit their own requests (app/api/respond.ts): for a request the proxy runs
  // on, Next.js reads the whole body into memory, and cuts it at 10 MB, before the route starts.
  matcher: ["/((?!api/|healthz$|_next/static|_next/image|icon.svg).*)"],
};
