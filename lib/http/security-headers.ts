/** The request header that carries a page's script nonce from proxy.ts to the layout. */
export const NONCE_HEADER = "x-nonce";

/** Strict-Transport-Security when `WHYDENIED_HSTS=on`: a year, subdomains included. */
const HSTS = "max-age=31536000; includeSubDomains";

/** What the policy depends on: the request's nonce, whether HSTS is on, and whether `next dev` serves the page. */
export interface SecurityHeaderOptions {
  nonce: string;
  hsts: boolean;
  development: boolean;
}

/**
 * The Content-Security-Policy of every page: scripts only with this request's nonce (and what they load,
 * 'strict-dynamic'), nothing framed, embedded, or posted elsewhere, no `<base>`. Styles: stylesheets from the app
 * and nonce-bearing `<style>` elements; `style` attributes stay allowed ('unsafe-inline' in style-src-attr only)
 * because React sets the confidence and progress bars' widths that way, and a style attribute cannot run script.
 * `next dev` needs 'unsafe-eval' (React rebuilds server error stacks with eval) and a websocket for reloads.
 */
export function contentSecurityPolicy({ nonce, hsts, development }: SecurityHeaderOptions): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${development ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(hsts ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** A JSON or NDJSON answer is never a document to render: opened as one, it may load, run and frame nothing. */
const API_CONTENT_SECURITY_POLICY = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

function headersWithPolicy(policy: string, hsts: boolean): Record<string, string> {
  return {
    "Content-Security-Policy": policy,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    ...(hsts ? { "Strict-Transport-Security": HSTS } : {}),
  };
}

/** The headers every page gets: the CSP above, no sniffing, no referrer to other sites, and HSTS when on. */
export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  return headersWithPolicy(contentSecurityPolicy(options), options.hsts);
}

/** The headers every API answer gets (the routes set them: proxy.ts does not run for `/api/`). */
export function apiSecurityHeaders({ hsts }: { hsts: boolean }): Record<string, string> {
  return headersWithPolicy(API_CONTENT_SECURITY_POLICY, hsts);
}

/**
 * What a snapshot's page and API answer add: no referrer at all (its URL is the secret, and must not reach a site it
 * links to) and no indexing. Set by proxy.ts for `/d/…` and by the snapshot routes.
 */
export const SNAPSHOT_HEADERS: Readonly<Record<string, string>> = {
  "Referrer-Policy": "no-referrer",
  "X-Robots-Tag": "noindex, nofollow",
};

/** Whether a path is a snapshot's page (the snapshot routes add SNAPSHOT_HEADERS to their own answers). */
export function isSnapshotPath(pathname: string): boolean {
  return pathname.startsWith("/d/");
}
