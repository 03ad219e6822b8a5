import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { apiErrorSchema } from "@/lib/wire";
import { GET as auditExport } from "./audit.jsonl/route";
import { POST as diagnose } from "./diagnose/route";
import { GET as history } from "./history/route";
import { POST as lookup } from "./lookup/route";
import { GET as lookupStatus } from "./lookup/status/route";
import { GET as portal } from "./portal/route";
import { DELETE as deleteSnapshot, GET as readSnapshot } from "./snapshots/[id]/route";
import { POST as createSnapshot } from "./snapshots/route";
import { portalEnv, signedIn } from "./testing/portal";
import { POST as upload } from "./trail/route";

const savedEnv = { ...process.env };
afterAll(() => {
  process.env = savedEnv;
});
afterEach(() => {
  vi.restoreAllMocks();
});

const ORIGIN = "http://127.0.0.1:3000";
const SNAPSHOT_ID = "AAAAAAAAAAAAAAAAAAAAAA";
const snapshotParams = { params: Promise.resolve({ id: SNAPSHOT_ID }) };

/** A body no route could accept: if a route read it before admitting the request, its answer would be a 400. */
const UNREADABLE = "\u0000 not json";
const JSON_HEADERS = { "content-type": "application/json" };

/** Every API route, asked as a client would, with `headers` added. */
const routes: [string, (headers: Record<string, string>) => Promise<Response>][] = [
  ["POST /api/diagnose", (headers) => diagnose(post("/api/diagnose", JSON_HEADERS, headers))],
  ["POST /api/lookup", (headers) => lookup(post("/api/lookup", JSON_HEADERS, headers))],
  ["POST /api/trail", (headers) => upload(post("/api/trail", { "content-type": "application/octet-stream" }, headers))],
  ["POST /api/snapshots", (headers) => createSnapshot(post("/api/snapshots", JSON_HEADERS, headers))],
  ["GET /api/snapshots/:id", (headers) => readSnapshot(get(`/api/snapshots/${SNAPSHOT_ID}`, headers), snapshotParams)],
  [
    "DELETE /api/snapshots/:id",
    (headers) =>
      deleteSnapshot(
        new Request(`${ORIGIN}/api/snapshots/${SNAPSHOT_ID}`, { method: "DELETE", headers }),
        snapshotParams,
      ),
  ],
  ["GET /api/lookup/status", (headers) => lookupStatus(get("/api/lookup/status", headers))],
  ["GET /api/portal", (headers) => portal(get("/api/portal", headers))],
  ["GET /api/history", (headers) => history(get("/api/history", headers))],
  ["GET /api/audit.jsonl", (headers) => auditExport(get("/api/audit.jsonl", headers))],
];

function post(path: string, mediaType: Record<string, string>, headers: Record<string, string>): Request {
  return new Request(`${ORIGIN}${path}`, { method: "POST", headers: { ...mediaType, ...headers }, body: UNREADABLE });
}

function get(path: string, headers: Record<string, string>): Request {
  return new Request(`${ORIGIN}${path}`, { headers });
}

describe("every API route admits its own requests (proxy.ts does not run for /api/)", () => {
  it.each(routes)("%s answers 401 without a signed-in user, before reading anything it was sent", async (_, send) => {
    process.env = { ...savedEnv, ...portalEnv("http://127.0.0.1:9") };
    const response = await send({ "x-auth-request-email": "mallory@example.com" });
    expect(response.status).toBe(401);
    expect(apiErrorSchema.parse(await response.json())).toEqual({
      code: "auth.unauthenticated",
      message: "Sign in first: the request carries no x-forwarded-email or x-forwarded-user header.",
    });
  });

  it.each(routes)("%s answers with the API's security headers", async (_, send) => {
    process.env = { ...savedEnv, ...portalEnv("http://127.0.0.1:9"), WHYDENIED_HSTS: "on" };
    const response = await send(signedIn("jane@example.com"));
    expect(response.headers.get("content-security-policy")).toBe(
      "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it.each(routes)("%s refuses a request from another site with 403 before anything else", async (_, send) => {
    process.env = { ...savedEnv, WHYDENIED_AUTH: "off" };
    const response = await send({ origin: "https://attacker.example", "sec-fetch-site": "cross-site" });
    expect(response.status).toBe(403);
  });

  it("answers the server's broken settings with their code and a generic message, the details in the log", async () => {
    process.env = { ...savedEnv, ...portalEnv("http://127.0.0.1:9"), WHYDENIED_CONFIG: "/nonexistent/portal.yaml" };
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    for (const [, send] of routes) {
      const response = await send(signedIn("jane@example.com"));
      expect(response.status).toBe(500);
      expect(apiErrorSchema.parse(await response.json())).toEqual({
        code: "config.unreadable",
        message: "whydenied's sign-in or portal settings are broken; the server log says how.",
      });
    }
    expect(logged.mock.calls.every(([line]) => String(line).startsWith("[sign-in] config.unreadable: "))).toBe(true);
  });
});
