import { generateKeyPairSync } from "node:crypto";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NONCE_HEADER } from "@/lib/http";
import { startAlbKeyServer, TEST_ALB_ARN, TEST_ALB_CLIENT_ID, TEST_ALB_ISSUER } from "@/lib/auth/testing/alb-tokens";
import { config, proxy } from "./proxy";

const savedEnv = { ...process.env };
let keys: Awaited<ReturnType<typeof startAlbKeyServer>>;

beforeAll(async () => {
  keys = await startAlbKeyServer();
});
afterAll(async () => {
  process.env = savedEnv;
  await keys.close();
});

const withEnv = (env: Record<string, string>) => {
  process.env = { ...savedEnv, ...env };
};
const OAUTH2_PROXY = { WHYDENIED_AUTH: "proxy", WHYDENIED_PROXY: "oauth2-proxy" };
const alb = () => ({
  WHYDENIED_AUTH: "proxy",
  WHYDENIED_PROXY: "alb",
  WHYDENIED_ALB_ARN: TEST_ALB_ARN,
  WHYDENIED_ALB_ISSUER: TEST_ALB_ISSUER,
  WHYDENIED_ALB_CLIENT_ID: TEST_ALB_CLIENT_ID,
  WHYDENIED_ALB_KEY_ENDPOINT: keys.keyEndpoint,
});

const send = (path: string, headers: Record<string, string> = {}) =>
  proxy(new NextRequest(`http://127.0.0.1:3000${path}`, { headers }));

/** The request headers Next hands the route after the proxy: the override list and each value. */
function forwardedHeaders(response: Response): Record<string, string> {
  const names = (response.headers.get("x-middleware-override-headers") ?? "").split(",").filter(Boolean);
  return Object.fromEntries(names.map((name) => [name, response.headers.get(`x-middleware-request-${name}`) ?? ""]));
}

describe("proxy.ts sign-in with WHYDENIED_AUTH=proxy", () => {
  it("answers a page asked for without identity headers 401 with a plain page", async () => {
    withEnv(OAUTH2_PROXY);
    const page = await send("/lookup");
    expect(page.status).toBe(401);
    expect(page.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(await page.text()).toContain("sign-in proxy");
    expect(page.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  it("passes a request with oauth2-proxy's headers on, keeping them and stripping every other proxy's", async () => {
    withEnv(OAUTH2_PROXY);
    const response = await send("/recent", {
      "x-forwarded-email": "jane.doe@example.com",
      "x-forwarded-groups": "sre",
      "x-auth-request-email": "mallory@example.com",
      "x-amzn-oidc-data": "forged",
    });
    expect(response.headers.get("x-middleware-next")).toBe("1");
    const forwarded = forwardedHeaders(response);
    expect(forwarded).toMatchObject({ "x-forwarded-email": "jane.doe@example.com", "x-forwarded-groups": "sre" });
    expect(Object.keys(forwarded)).not.toContain("x-auth-request-email");
    expect(Object.keys(forwarded)).not.toContain("x-amzn-oidc-data");
  });

  it("keeps the page's nonce and CSP as before sign-in existed", async () => {
    withEnv(OAUTH2_PROXY);
    const response = await send("/", { "x-forwarded-user": "omar" });
    const nonce = forwardedHeaders(response)[NONCE_HEADER] ?? "";
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{24}$/);
    expect(response.headers.get("content-security-policy")).toContain(`'nonce-${nonce}'`);
    expect(forwardedHeaders(response)["content-security-policy"]).toBe(response.headers.get("content-security-policy"));
  });

  it("lets an ALB's signed token in, and answers 401 to one signed with another key or by another ALB", async () => {
    withEnv(alb());
    expect((await send("/lookup", { "x-amzn-oidc-data": keys.token() })).headers.get("x-middleware-next")).toBe("1");
    const otherKey = generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey;
    const otherAlb = TEST_ALB_ARN.replace("whydenied/50dc6c495c0c9188", "other/0123456789abcdef");
    for (const forged of [keys.token({ key: otherKey }), keys.token({ signer: otherAlb })]) {
      const response = await send("/lookup", {
        "x-amzn-oidc-data": forged,
        "x-forwarded-email": "jane@example.com",
      });
      expect(response.status).toBe(401);
      expect(await response.text()).toContain("Sign in first.");
    }
  });
});

describe("proxy.ts with sign-in off", () => {
  it("strips every identity header, so no handler sees a user the client made up", async () => {
    withEnv({ WHYDENIED_AUTH: "off" });
    const response = await send("/d/AAAAAAAAAAAAAAAAAAAAAA", {
      "x-forwarded-email": "jane.doe@example.com",
      "X-Auth-Request-User": "jane",
      "x-amzn-oidc-data": keys.token(),
      "x-amzn-oidc-identity": "108223344",
      accept: "application/json",
    });
    expect(response.headers.get("x-middleware-next")).toBe("1");
    const forwarded = forwardedHeaders(response);
    expect(forwarded.accept).toBe("application/json");
    for (const name of ["x-forwarded-email", "x-auth-request-user", "x-amzn-oidc-data", "x-amzn-oidc-identity"])
      expect(Object.keys(forwarded)).not.toContain(name);
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
  });
});

describe("proxy.ts matcher", () => {
  const matcher = new RegExp(`^${config.matcher[0]}$`);
  it("runs on pages, never on the API (whose bodies must stream to the route) or the liveness check", () => {
    for (const path of ["/", "/lookup", "/recent", "/d/AAAAAAAAAAAAAAAAAAAAAA"]) expect(path).toMatch(matcher);
    for (const path of [
      "/api/trail",
      "/api/diagnose",
      "/api/snapshots/AAAAAAAAAAAAAAAAAAAAAA",
      "/healthz",
      "/icon.svg",
    ])
      expect(path).not.toMatch(matcher);
  });
});
