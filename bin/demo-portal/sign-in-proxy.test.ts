import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSignInProxy, type SignInProxy } from "./sign-in-proxy";

let app: Server;
let proxy: SignInProxy;
let seen: IncomingHttpHeaders[] = [];
let streamClosed: Promise<void>;
let onStreamClosed: () => void;

beforeAll(async () => {
  app = createServer((request, response) => {
    seen.push(request.headers);
    if (request.url === "/stream") {
      response.writeHead(200, { "content-type": "application/x-ndjson" });
      response.write('{"n":1}\n');
      request.on("close", () => onStreamClosed());
      return;
    }
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      response.writeHead(201, { "content-type": "application/json", "x-app": "yes" });
      response.end(JSON.stringify({ method: request.method, url: request.url, body }));
    });
  });
  await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
  const target = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
  proxy = await startSignInProxy({ target, who: { user: "alice@example.com", groups: ["platform", "developers"] } });
});

afterAll(async () => {
  await proxy.close();
  await new Promise((resolve) => app.close(resolve));
});

describe("the simulated sign-in proxy", () => {
  it("passes requests and answers through, signed in as its user", async () => {
    seen = [];
    const response = await fetch(`${proxy.url}/api/diagnose?x=1`, { method: "POST", body: "hello" });
    expect(response.status).toBe(201);
    expect(response.headers.get("x-app")).toBe("yes");
    expect(await response.json()).toEqual({ method: "POST", url: "/api/diagnose?x=1", body: "hello" });
    expect(seen[0]).toMatchObject({
      "x-forwarded-user": "alice@example.com",
      "x-forwarded-email": "alice@example.com",
      "x-forwarded-groups": "platform,developers",
    });
  });

  it("drops every identity header the browser sends itself", async () => {
    seen = [];
    await fetch(proxy.url, {
      headers: {
        "x-forwarded-email": "mallory@example.com",
        "x-forwarded-groups": "admins",
        "x-auth-request-user": "mallory",
        "x-amzn-oidc-data": "forged",
      },
    });
    expect(seen[0]?.["x-forwarded-email"]).toBe("alice@example.com");
    expect(seen[0]?.["x-forwarded-groups"]).toBe("platform,developers");
    expect(seen[0]).not.toHaveProperty("x-auth-request-user");
    expect(seen[0]).not.toHaveProperty("x-amzn-oidc-data");
  });

  it("streams an answer as it comes and hangs up on the app when the browser does", async () => {
    streamClosed = new Promise((resolve) => (onStreamClosed = resolve));
    const abort = new AbortController();
    const response = await fetch(`${proxy.url}/stream`, { signal: abort.signal });
    const reader = response.body?.getReader();
    const first = await reader?.read();
    expect(new TextDecoder().decode(first?.value)).toBe('{"n":1}\n');
    abort.abort();
    await streamClosed;
  });

  it("answers 502 with a hint while the app is not listening", async () => {
    const idle = createServer();
    await new Promise<void>((resolve) => idle.listen(0, "127.0.0.1", resolve));
    const port = (idle.address() as AddressInfo).port;
    await new Promise((resolve) => idle.close(resolve));
    const lonely = await startSignInProxy({ target: `http://127.0.0.1:${port}`, who: { user: "bob", groups: [] } });
    try {
      const response = await fetch(lonely.url);
      expect(response.status).toBe(502);
      expect(await response.text()).toContain("is it still starting?");
    } finally {
      await lonely.close();
    }
  });
});
