import { generateKeyPairSync, randomUUID, sign, type KeyObject } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export const TEST_ALB_ARN =
  "arn:aws:elasticloadbalancing:eu-west-1:222222222222:loadbalancer/app/whydenied/50dc6c495c0c9188";
export const TEST_ALB_ISSUER = "https://idp.example.com";
export const TEST_ALB_CLIENT_ID = "whydenied-portal";

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");

/**
 * An ALB's signing key, and a real HTTP server publishing its public key as the ELB endpoint does (`/<kid>`, PEM),
 * for tests of sign-in through an ALB.
 */
export async function startAlbKeyServer(): Promise<{
  keyEndpoint: string;
  /** A user-claims token shaped as an ALB signs it: ES256, with signer, client and exp in its header. */
  token(options?: { key?: KeyObject; signer?: string; expiresInSeconds?: number; claims?: object }): string;
  close(): Promise<void>;
}> {
  const albKey = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const kid = randomUUID();
  const pem = albKey.publicKey.export({ type: "spki", format: "pem" });
  const server = createServer((request, response) => {
    if (request.url !== `/${kid}`) return response.writeHead(404).end();
    response.writeHead(200, { "content-type": "text/plain" }).end(pem);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    keyEndpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    token(options = {}) {
      const exp = Math.floor(Date.now() / 1000) + (options.expiresInSeconds ?? 120);
      const signer = options.signer ?? TEST_ALB_ARN;
      const header = { alg: "ES256", typ: "JWT", kid, signer, iss: TEST_ALB_ISSUER, client: TEST_ALB_CLIENT_ID, exp };
      const payload = { sub: "108223344", email: "jane.doe@example.com", groups: ["sre"], iss: TEST_ALB_ISSUER, exp };
      const signed = `${base64url(header)}.${base64url({ ...payload, ...options.claims })}`;
      const signature = sign("sha256", Buffer.from(signed), {
        key: options.key ?? albKey.privateKey,
        dsaEncoding: "ieee-p1363",
      });
      return `${signed}.${signature.toString("base64url")}`;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
