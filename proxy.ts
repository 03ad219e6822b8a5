import { NextResponse, type NextRequest } from "next/server";
import { errorResponse } from "@/app/api/respond";
import { serverEnv } from "@/lib/env";
import { isSnapshotPath, NONCE_HEADER, securityHeaders, SNAPSHOT_HEADERS } from "@/lib/http";
import { admitRequest, type RequestContextErrorCode } from "@/lib/portal/server";
import type { AppError } from "@/lib/result";

/** The liveness check answers whoever asks: a load balancer's health probe carries no identity. */
const SIGN_IN_EXEMPT = new Set(["/healthz"]);

const PLAIN_TEXT = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" };

/** A page asked for without a valid identity: 401 and a short plain page (no markup, nothing to run). */
function signInPage(): Response {
  return new Response(
    "Sign in first.\n\nwhydenied signs you in through your company's sign-in proxy: open it at the address your team " +
      "gave you (the proxy's), not at this server's own address.\n",
    { status: 401, headers: PLAIN_TEXT },
  );
}

/** Why a request was not let in: 401 when it has no valid identity, else the server's own settings are broken. */
function refusal(pathname: string, error: AppError<RequestContextErrorCode>): Response {
  if (error.code !== "auth.unauthenticated") {
    console.error(`[sign-in] ${error.code}: ${error.message}`);
    const broken = { code: error.code, message: "whydenied's sign-in settings are broken; the server log says how." };
    return pathname.startsWith("/api/")
      ? errorResponse(broken)
      : new Response(`${broken.message}\n`, { status: 500, headers: PLAIN_TEXT });
  }
  return pathname.startsWith("/api/") ? errorResponse(error) : signInPage();
}

/**
 * Gives every page a fresh script nonce and the strict CSP that requires it (Next.js reads the nonce from the
 * request's CSP header and puts it on its own scripts; the layout reads it for the theme script), HSTS when
 * `WHYDENIED_HSTS=on`, and for snapshots no referrer and no indexing. Before anything reads the request it removes
 * the identity headers no configured proxy vouches for, and with `WHYDENIED_AUTH=proxy` it answers 401 to any
 * request without a valid identity of that proxy.
 */
export async function proxy(request: NextRequest): Promise<Response> {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
  const headers = securityHeaders({
    nonce,
    hsts: serverEnv().WHYDENIED_HSTS === "on",
    development: process.env.NODE_ENV === "development",
  });
  const { pathname } = request.nextUrl;
  const admitted = await admitRequest(request.headers, { signIn: !SIGN_IN_EXEMPT.has(pathname) });
  let response: Response;
  if (admitted.ok) {
    const forwarded = admitted.value;
    forwarded.set(NONCE_HEADER, nonce);
    forwarded.set("Content-Security-Policy", headers["Content-Security-Policy"] ?? "");
    response = NextResponse.next({ request: { headers: forwarded } });
  } else response = refusal(pathname, admitted.error);
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  if (isSnapshotPath(pathname))
    for (const [name, value] of Object.entries(SNAPSHOT_HEADERS)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Static assets carry no markup to protect; everything else, the API included, gets the headers.
  matcher: ["/((?!_next/static|_next/image|icon.svg).*)"],
};
