import { describe, expect, it } from "vitest";
import { authSettingsFromEnv, createAuthenticator, identityHeadersToStrip, IDENTITY_HEADERS } from "./index";
import { parseEnv } from "../env-schema";

const oauth2Proxy = createAuthenticator({ mode: "proxy", proxy: "oauth2-proxy" });
const authRequest = createAuthenticator({ mode: "proxy", proxy: "auth-request" });

describe("oauth2-proxy headers", () => {
  it("reads the user, email and groups oauth2-proxy passes as the reverse proxy", async () => {
    const headers = new Headers({
      "X-Forwarded-User": "108223344",
      "X-Forwarded-Email": "jane.doe@example.com",
      "X-Forwarded-Groups": "sre, platform,sre",
    });
    expect(await oauth2Proxy(headers)).toEqual({
      ok: true,
      value: {
        user: "jane.doe@example.com",
        email: "jane.doe@example.com",
        groups: ["sre", "platform"],
        via: "oauth2-proxy",
      },
    });
  });

  it("names the user by its id when no email is passed, with no groups", async () => {
    expect(await oauth2Proxy(new Headers({ "X-Forwarded-User": "omar" }))).toMatchObject({
      value: { user: "omar", email: null, groups: [] },
    });
  });

  it("reads the X-Auth-Request set behind nginx's auth_request, and only that set", async () => {
    const headers = new Headers({ "X-Auth-Request-Email": "omar@example.com", "X-Auth-Request-Groups": "finance" });
    expect(await authRequest(headers)).toMatchObject({
      ok: true,
      value: { user: "omar@example.com", groups: ["finance"], via: "auth-request" },
    });
    expect((await oauth2Proxy(headers)).ok).toBe(false);
    expect((await authRequest(new Headers({ "X-Forwarded-Email": "mallory@example.com" }))).ok).toBe(false);
  });

  it("answers unauthenticated without identity headers, or when one came twice", async () => {
    expect(await oauth2Proxy(new Headers())).toEqual({
      ok: false,
      error: {
        code: "auth.unauthenticated",
        message: "Sign in first: the request carries no x-forwarded-email or x-forwarded-user header.",
      },
    });
    expect((await oauth2Proxy(new Headers({ "X-Forwarded-Email": "  " }))).ok).toBe(false);
    const twice = new Headers();
    twice.append("X-Forwarded-Email", "mallory@example.com");
    twice.append("X-Forwarded-Email", "jane@example.com");
    expect(await oauth2Proxy(twice)).toMatchObject({ ok: false, error: { code: "auth.unauthenticated" } });
  });
});

describe("identityHeadersToStrip", () => {
  it("strips every identity header when sign-in is off, and the other proxies' when it is on", () => {
    expect(identityHeadersToStrip(null)).toEqual(IDENTITY_HEADERS);
    expect(identityHeadersToStrip(null)).toEqual(
      expect.arrayContaining(["x-forwarded-email", "x-auth-request-user", "x-amzn-oidc-data"]),
    );
    expect(identityHeadersToStrip("oauth2-proxy")).not.toContain("x-forwarded-email");
    expect(identityHeadersToStrip("oauth2-proxy")).toEqual(
      expect.arrayContaining(["x-auth-request-email", "x-amzn-oidc-data"]),
    );
    expect(identityHeadersToStrip("alb")).toEqual(
      expect.arrayContaining(["x-forwarded-groups", "x-auth-request-groups"]),
    );
    expect(identityHeadersToStrip("alb")).not.toContain("x-amzn-oidc-data");
  });
});

describe("authSettingsFromEnv", () => {
  const settingsOf = (source: Record<string, string>) => {
    const env = parseEnv(source);
    if (!env.ok) throw new Error(env.error.message);
    return authSettingsFromEnv(env.value);
  };

  it("is off by default, and names the proxy and the ALB's settings when set", () => {
    expect(settingsOf({})).toEqual({ ok: true, value: { mode: "off" } });
    expect(settingsOf({ WHYDENIED_AUTH: "proxy", WHYDENIED_PROXY: "auth-request" })).toEqual({
      ok: true,
      value: { mode: "proxy", proxy: "auth-request" },
    });
    const albArn = "arn:aws:elasticloadbalancing:eu-west-1:222222222222:loadbalancer/app/whydenied/50dc6c495c0c9188";
    expect(
      settingsOf({
        WHYDENIED_AUTH: "proxy",
        WHYDENIED_PROXY: "alb",
        WHYDENIED_ALB_ARN: albArn,
        WHYDENIED_ALB_ISSUER: "https://idp.example.com",
        WHYDENIED_ALB_CLIENT_ID: "whydenied",
      }),
    ).toEqual({
      ok: true,
      value: {
        mode: "proxy",
        proxy: "alb",
        alb: {
          albArn,
          issuer: "https://idp.example.com",
          clientId: "whydenied",
          keyEndpoint: undefined,
          groupsClaim: "groups",
        },
      },
    });
  });
});
