import { describe, expect, it } from "vitest";
import { apiSecurityHeaders, contentSecurityPolicy, isSnapshotPath, securityHeaders } from "./security-headers";

const PRODUCTION = { nonce: "bm9uY2U=", hsts: false, development: false };

describe("contentSecurityPolicy", () => {
  it("allows scripts only with the nonce, and frames, bases, objects and form targets not at all", () => {
    const directives = contentSecurityPolicy(PRODUCTION).split("; ");
    expect(directives).toEqual(
      expect.arrayContaining([
        "script-src 'self' 'nonce-bm9uY2U=' 'strict-dynamic'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "object-src 'none'",
      ]),
    );
    expect(directives.filter((directive) => /^script-src.*'unsafe-(inline|eval)'/.test(directive))).toEqual([]);
  });

  it("adds eval and the reload socket only under next dev", () => {
    expect(contentSecurityPolicy({ ...PRODUCTION, development: true })).toMatch(
      /script-src [^;]*'unsafe-eval'.*connect-src 'self' ws:/,
    );
  });
});

describe("securityHeaders", () => {
  it("sends HSTS, and upgrades subresources, only when it is on", () => {
    expect(securityHeaders(PRODUCTION)["Strict-Transport-Security"]).toBeUndefined();
    expect(securityHeaders(PRODUCTION)["Content-Security-Policy"]).not.toContain("upgrade-insecure-requests");
    const tls = securityHeaders({ ...PRODUCTION, hsts: true });
    expect(tls["Strict-Transport-Security"]).toBe("max-age=31536000; includeSubDomains");
    expect(tls["Content-Security-Policy"]).toContain("upgrade-insecure-requests");
  });
});

describe("apiSecurityHeaders", () => {
  it("lets an API answer opened as a document load, run and frame nothing, with HSTS only when it is on", () => {
    const headers = apiSecurityHeaders({ hsts: false });
    expect(headers["Content-Security-Policy"]?.split("; ")).toEqual([
      "default-src 'none'",
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'",
    ]);
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["Strict-Transport-Security"]).toBeUndefined();
    expect(apiSecurityHeaders({ hsts: true })["Strict-Transport-Security"]).toBe("max-age=31536000; includeSubDomains");
  });
});

describe("isSnapshotPath", () => {
  it.each([
    ["/d/AAAAAAAAAAAAAAAAAAAAAA", true],
    ["/", false],
    ["/lookup", false],
    ["/docs/d/x", false],
  ])("%s → %s", (path, expected) => {
    expect(isSnapshotPath(path)).toBe(expected);
  });
});
