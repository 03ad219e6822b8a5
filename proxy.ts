import { NextResponse, type NextRequest } from "next/server";
import { serverEnv } from "@/lib/env";
import { isSnapshotPath, NONCE_HEADER, securityHeaders, SNAPSHOT_HEADERS } from "@/lib/http";

/**
 * Gives every page a fresh script nonce and the strict CSP that requires it (Next.js reads the nonce from the
 * request's CSP header and puts it on its own scripts; the layout reads it for the theme script), HSTS when
 * `WHYDENIED_HSTS=on`, and for snapshots no referrer and no indexing.
 */
export function proxy(request: NextRequest): NextResponse {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
  const headers = securityHeaders({
    nonce,
    hsts: serverEnv().WHYDENIED_HSTS === "on",
    development: process.env.NODE_ENV === "development",
  });
  const forwarded = new Headers(request.headers);
  forwarded.set(NONCE_HEADER, nonce);
  forwarded.set("Content-Security-Policy", headers["Content-Security-Policy"] ?? "");
  const response = NextResponse.next({ request: { headers: forwarded } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  if (isSnapshotPath(request.nextUrl.pathname))
    for (const [name, value] of Object.entries(SNAPSHOT_HEADERS)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Static assets carry no markup to protect; everything else, the API included, gets the headers.
  matcher: ["/((?!_next/static|_next/image|icon.svg).*)"],
};
