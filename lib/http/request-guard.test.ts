import { describe, expect, it } from "vitest";
import { hostNameOf, refuseRequest, type GuardedHeaders } from "./request-guard";

const LOOPBACK = { allowedHosts: ["localhost", "127.0.0.1", "[::1]"] };
const JSON_POLICY = { ...LOOPBACK, mediaTypes: ["application/json"] };
const SAME_ORIGIN: GuardedHeaders = {
  host: "127.0.0.1:3000",
  origin: "http://127.0.0.1:3000",
  secFetchSite: "same-origin",
  contentType: "application/json",
};

describe("refuseRequest", () => {
  it.each<[string, Partial<GuardedHeaders>, string | null]>([
    ["a same-origin browser request", {}, null],
    ["a JSON body with a charset", { contentType: "application/json; charset=utf-8" }, null],
    ["a non-browser client (no Origin, no Sec-Fetch-Site)", { origin: null, secFetchSite: null }, null],
    ["a user-typed navigation", { origin: null, secFetchSite: "none" }, null],
    ["IPv6 loopback with a port", { host: "[::1]:8080", origin: "http://[::1]:8080" }, null],
    ["localhost on the default port", { host: "localhost", origin: "http://localhost:80" }, null],
    ["a rebound DNS name", { host: "attacker.example", origin: "http://attacker.example" }, "request.bad-host"],
    ["no Host at all", { host: null }, "request.bad-host"],
    ["a Host with user info", { host: "evil@127.0.0.1" }, "request.bad-host"],
    ["a Host with a path", { host: "127.0.0.1/x" }, "request.bad-host"],
    ["another site's Origin", { origin: "http://attacker.example" }, "request.cross-origin"],
    ["another port's Origin", { origin: "http://127.0.0.1:4000" }, "request.cross-origin"],
    ["an opaque Origin", { origin: "null" }, "request.cross-origin"],
    ["a cross-site fetch without Origin", { origin: null, secFetchSite: "cross-site" }, "request.cross-origin"],
    ["a same-site (sibling subdomain) fetch", { origin: null, secFetchSite: "same-site" }, "request.cross-origin"],
    ["a text/plain body (a simple CORS request)", { contentType: "text/plain" }, "request.unsupported-media-type"],
    ["a form post", { contentType: "application/x-www-form-urlencoded" }, "request.unsupported-media-type"],
    ["no content type", { contentType: null }, "request.unsupported-media-type"],
  ])("%s", (_, change, code) => {
    expect(refuseRequest({ ...SAME_ORIGIN, ...change }, JSON_POLICY)?.code ?? null).toBe(code);
  });

  it("checks no media type for a route without a body", () => {
    expect(refuseRequest({ ...SAME_ORIGIN, contentType: null }, LOOPBACK)).toBeNull();
  });

  it("answers to configured names only", () => {
    const portal = { allowedHosts: ["whydenied.internal"] };
    expect(
      refuseRequest({ ...SAME_ORIGIN, host: "whydenied.internal", origin: "https://whydenied.internal" }, portal),
    ).toBeNull();
    expect(refuseRequest(SAME_ORIGIN, portal)?.code).toBe("request.bad-host");
  });
});

describe("hostNameOf", () => {
  it.each([
    ["LOCALHOST:3000", "localhost"],
    ["[::1]:80", "[::1]"],
    ["127.0.0.1", "127.0.0.1"],
    ["a b", null],
    ["x@y", null],
  ])("%s → %s", (authority, name) => {
    expect(hostNameOf(authority)).toBe(name);
  });
});
