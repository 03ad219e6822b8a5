import { generateKeyPairSync } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuthenticator } from "./index";
import { startAlbKeyServer, TEST_ALB_ARN, TEST_ALB_CLIENT_ID, TEST_ALB_ISSUER } from "./testing/alb-tokens";

const OTHER_ALB = "arn:aws:elasticloadbalancing:eu-west-1:222222222222:loadbalancer/app/other/0123456789abcdef";
const strangerKey = generateKeyPairSync("ec", { namedCurve: "P-256" });

let keys: Awaited<ReturnType<typeof startAlbKeyServer>>;
/** A token shaped as the ALB signs it, for a user in groups sre and platform unless `claims` says otherwise. */
const albToken = (options: Parameters<typeof keys.token>[0] = {}) =>
  keys.token({ ...options, claims: { groups: ["sre", "platform"], ...options.claims } });

beforeAll(async () => {
  keys = await startAlbKeyServer();
});
afterAll(() => keys.close());

const authenticator = () =>
  createAuthenticator({
    mode: "proxy",
    proxy: "alb",
    alb: {
      albArn: TEST_ALB_ARN,
      issuer: TEST_ALB_ISSUER,
      clientId: TEST_ALB_CLIENT_ID,
      keyEndpoint: keys.keyEndpoint,
      groupsClaim: "groups",
    },
  });

const withToken = (token: string) => new Headers({ "x-amzn-oidc-data": token });

describe("ALB OIDC sign-in", () => {
  it("verifies the ALB's token with its public key and reads the user and groups", async () => {
    expect(await authenticator()(withToken(albToken()))).toEqual({
      ok: true,
      value: { user: "jane.doe@example.com", email: "jane.doe@example.com", groups: ["sre", "platform"], via: "alb" },
    });
  });

  it("reads groups from a comma-separated claim, and names a user without email by sub", async () => {
    const token = albToken({ claims: { email: undefined, groups: "finance, sre" } });
    expect(await authenticator()(withToken(token))).toMatchObject({
      value: { user: "108223344", email: null, groups: ["finance", "sre"] },
    });
  });

  it.each([
    ["signed with another key", () => albToken({ key: strangerKey.privateKey }), "Invalid signature"],
    ["signed by another ALB", () => albToken({ signer: OTHER_ALB }), "ALB ARN not allowed"],
    ["expired", () => albToken({ expiresInSeconds: -60 }), "Token expired"],
    ["of another issuer", () => albToken({ claims: { iss: "https://evil.example.com" } }), "Issuer not allowed"],
    ["that is not a JWT", () => "not.a.token", "The ALB sign-in token was refused"],
  ])("answers unauthenticated for a token %s", async (_, token, reason) => {
    const result = await authenticator()(withToken(token()));
    expect(result).toMatchObject({ ok: false, error: { code: "auth.unauthenticated" } });
    expect(result.ok ? "" : result.error.message).toContain(reason);
  });

  it("answers unauthenticated without the header, whatever oauth2-proxy headers the client adds", async () => {
    const forged = new Headers({ "x-forwarded-email": "jane.doe@example.com", "x-amzn-oidc-identity": "108223344" });
    expect(await authenticator()(forged)).toEqual({
      ok: false,
      error: {
        code: "auth.unauthenticated",
        message: "Sign in first: the request carries no x-amzn-oidc-data header.",
      },
    });
  });
});
