import { afterAll, describe, expect, it } from "vitest";
import { apiErrorSchema, portalSessionSchema } from "@/lib/wire";
import { PRODUCTION, SANDBOX, portalEnv, signedIn } from "../testing/portal";
import { GET, POST } from "./route";

const savedEnv = { ...process.env };
afterAll(() => {
  process.env = savedEnv;
});

const session = (headers: Record<string, string> = {}) => GET(new Request("http://127.0.0.1/api/portal", { headers }));

describe("GET /api/portal", () => {
  it("answers single mode without a portal configuration, signed in or not", async () => {
    process.env = { ...savedEnv, WHYDENIED_AUTH: "off" };
    expect(portalSessionSchema.parse(await (await session()).json())).toEqual({ mode: "single" });
    process.env = { ...savedEnv, WHYDENIED_AUTH: "proxy", WHYDENIED_PROXY: "oauth2-proxy" };
    expect(await (await session(signedIn("jane@example.com"))).json()).toEqual({ mode: "single" });
  });

  it("names the signed-in user and only the accounts their groups may use, without roles or external ids", async () => {
    process.env = { ...savedEnv, ...portalEnv("http://127.0.0.1:9") };
    const developer = portalSessionSchema.parse(
      await (await session(signedIn("dev@example.com", ["developers"]))).json(),
    );
    expect(developer).toEqual({
      mode: "portal",
      user: { user: "dev@example.com", email: "dev@example.com", groups: ["developers"] },
      accounts: [{ name: "sandbox", accountId: SANDBOX, regions: ["us-east-1"] }],
    });
    const sre = portalSessionSchema.parse(await (await session(signedIn("sre@example.com", ["sre"]))).json());
    expect(sre).toMatchObject({
      accounts: [
        { name: "sandbox", accountId: SANDBOX },
        { name: "production", accountId: PRODUCTION, regions: ["eu-west-1", "us-east-1"] },
      ],
    });
    expect(JSON.stringify(sre)).not.toMatch(/roleArn|externalId|whydenied-prod/);
  });

  it("answers 401 without identity headers, and 405 to other methods", async () => {
    process.env = { ...savedEnv, ...portalEnv("http://127.0.0.1:9") };
    const response = await session();
    expect(response.status).toBe(401);
    expect(apiErrorSchema.parse(await response.json()).code).toBe("auth.unauthenticated");
    expect(POST().status).toBe(405);
  });
});
