import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VirtualClock } from "../lookup/testing/virtual-clock";
import { startLocalAws, type LocalAws } from "./index";

const ROLE = "arn:aws:iam::222222222222:role/whydenied-reader";
const clock = new VirtualClock(Date.parse("2026-12-01T12:00:00Z"));
let endpoint: LocalAws;

beforeAll(async () => {
  endpoint = await startLocalAws({
    events: [],
    clock,
    roles: [{ roleArn: ROLE, maxSessionSeconds: 7200 }],
    authorizations: [
      {
        authorizationId: "abc123",
        accountId: "222222222222",
        deniedAt: "2026-12-01T11:00:00Z",
        details: { evaluations: [{}, {}, {}] },
      },
    ],
  });
});
afterAll(() => endpoint.close());

const scope = (key: string, service: string) =>
  `AWS4-HMAC-SHA256 Credential=${key}/20261201/us-east-1/${service}/aws4_request, SignedHeaders=host, Signature=00`;

function sts(form: Record<string, string>, authorization = scope("portal", "sts")) {
  return fetch(endpoint.url, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8", authorization },
    body: new URLSearchParams({ Version: "2011-06-15", ...form }),
  });
}

async function assumedKeys(): Promise<{ key: string; token: string; expiration: string }> {
  const answer = await (
    await sts({ Action: "AssumeRole", RoleArn: ROLE, RoleSessionName: "jane", DurationSeconds: "7200" })
  ).text();
  const field = (name: string) => new RegExp(`<${name}>([^<]+)</${name}>`).exec(answer)?.[1] ?? "";
  return { key: field("AccessKeyId"), token: field("SessionToken"), expiration: field("Expiration") };
}

describe("STS on the local endpoint, on the wire", () => {
  it("answers AssumeRole in XML, up to the role's own maximum session, without a source identity when none is sent", async () => {
    const { key, expiration } = await assumedKeys();
    expect(key).toMatch(/^ASIA/);
    expect(expiration).toBe("2026-12-01T14:00:00.000Z");
    expect(endpoint.stats().assumedRoles.at(-1)).toEqual({
      roleArn: ROLE,
      roleSessionName: "jane",
      sourceIdentity: null,
    });
  });

  it.each([
    [{ Action: "GetCallerIdentity" }, scope("portal", "sts"), 400, "<Code>InvalidAction</Code>"],
    [
      { Action: "AssumeRole", RoleArn: ROLE, RoleSessionName: "jane" },
      "",
      403,
      "<Code>MissingAuthenticationTokenException</Code>",
    ],
    [
      { Action: "AssumeRole", RoleArn: ROLE, RoleSessionName: "j" },
      scope("portal", "sts"),
      400,
      "<Code>ValidationError</Code>",
    ],
    [
      { Action: "AssumeRole", RoleArn: ROLE, RoleSessionName: "jane", SourceIdentity: "aws:me" },
      scope("portal", "sts"),
      400,
      "<Code>ValidationError</Code>",
    ],
  ])("refuses a bad call with an AWS Query error (%#)", async (form, authorization, status, code) => {
    const response = await sts(form, authorization);
    expect(response.status).toBe(status);
    expect(await response.text()).toContain(code);
  });
});

describe("IAM Toolbox on the local endpoint, on the wire", () => {
  const get = (path: string, key: string, token?: string) =>
    fetch(`${endpoint.url}${path}`, {
      headers: { authorization: scope(key, "iam-toolbox"), ...(token ? { "x-amz-security-token": token } : {}) },
    });

  it("pages the evaluations with a nextToken that only its own id accepts", async () => {
    const { key, token } = await assumedKeys();
    const first = (await (await get("/authorization-details/abc123", key, token)).json()) as {
      evaluations: unknown[];
      nextToken: string;
    };
    expect(first.evaluations).toHaveLength(2);
    const second = (await (
      await get(`/authorization-details/abc123?nextToken=${first.nextToken}`, key, token)
    ).json()) as object;
    expect(second).toEqual({ evaluations: [{}] });
    const forged = await get("/authorization-details/abc123?nextToken=bm9wZQ", key, token);
    expect([forged.status, forged.headers.get("x-amzn-errortype")]).toEqual([400, "ValidationException"]);
  });

  it("refuses a session's key sent without its session token, and other methods", async () => {
    const { key } = await assumedKeys();
    const response = await get("/authorization-details/abc123", key);
    expect([response.status, response.headers.get("x-amzn-errortype")]).toEqual([403, "UnrecognizedClientException"]);
    const { key: live, token } = await assumedKeys();
    const post = await fetch(`${endpoint.url}/authorization-details/abc123`, {
      method: "POST",
      headers: { authorization: scope(live, "iam-toolbox"), "x-amz-security-token": token },
    });
    expect(post.status).toBe(404);
  });
});
