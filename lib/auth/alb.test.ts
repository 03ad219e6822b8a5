import { generateKeyPairSync, randomUUID, sign, type KeyObject } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuthenticator } from "./index";

const ALB_ARN = "arn:aws:elasticloadbalancing:eu-west-1:222222222222:loadbalancer/app/whydenied/50dc6c495c0c9188";
const OTHER_ALB = "arn:aws:elasticloadbalancing:eu-west-1:222222222222:loadbalancer/app/other/0123456789abcdef";
const ISSUER = "https://idp.example.com";
const CLIENT_ID = "whydenied-portal";

const keyPair = () => generateKeyPairSync("ec", { namedCurve: "P-256" });
const albKey = keyPair();
const strangerKey = keyPair();
const KID = randomUUID();

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");

/** A user-claims token shaped as an ALB signs it: ES256, with signer, client and exp in its header. */
function albToken(
  options: { key?: KeyObject; signer?: string; expiresInSeconds?: number; claims?: object } = {},
): string {
  const exp = Math.floor(Date.now() / 1000) + (options.expiresInSeconds ?? 120);
  const header = {
    alg: "ES256",
    typ: "JWT",
    kid: KID,
    signer: options.signer ?? ALB_ARN,
    iss: ISSUER,
    client: CLIENT_ID,
    exp,
  };
  const payload = {
    sub: "108223344",
    email: "jane.doe@example.com",
    groups: ["sre", "platform"],
    iss: ISSUER,
    exp,
    ...options.claims,
  };
  const signed = `${base64url(header)}.${base64url(payload)}`;
  const signature = sign("sha256", Buffer.from(signed), {
    key: options.key ?? albKey.privateKey,
    dsaEncoding: "ieee-p1363",
  });
  return `${signed}.${signature.toString("base64url")}`;
}

let keyServer: Server;
let keyEndpoint: string;

beforeAll(async () => {
  const pem = albKey.publicKey.export({ type: "spki", format: "pem" });
  keyServer = createServer((request, response) => {
    if (request.url !== `/${KID}`) return response.writeHead(404).end();
    response.writeHead(200, { "content-type": "text/plain" }).end(pem);
  });
  await new Promise<void>((resolve) => keyServer.listen(0, "127.0.0.1", resolve));
  keyEndpoint = `http://127.0.0.1:${(keyServer.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => keyServer.close(() => resolve())));

const authenticator = () =>
  createAuthenticator({
    mode: "proxy",
    proxy: "alb",
    alb: { albArn: ALB_ARN, issuer: ISSUER, clientId: CLIENT_ID, keyEndpoint, groupsClaim: "groups" },
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
