import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { apiErrorSchema, createdSnapshotSchema, snapshotSchema, type CreateSnapshotBody } from "@/lib/wire";
import { DELETE, GET } from "./[id]/route";
import { portalEnv, signedIn } from "../testing/portal";
import { POST } from "./route";

const DENIAL =
  "User: arn:aws:sts::123456789012:assumed-role/orders-api-role/orders-api is not authorized to perform: " +
  "dynamodb:PutItem on resource: arn:aws:dynamodb:eu-west-1:123456789012:table/Orders " +
  "because no identity-based policy allows the dynamodb:PutItem action";

const dataDir = mkdtempSync(join(tmpdir(), "whydenied-routes-"));
const savedEnv = { ...process.env };
let nextAddress = 1;

/** Each test posts from an address of its own, so the rate limit of one does not spill into another. */
function post(body: unknown, headers: Record<string, string> = {}, address = `198.51.100.${nextAddress++}`) {
  return POST(
    new Request("http://127.0.0.1/api/snapshots", {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": address, ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
}

const context = (id: string) => ({ params: Promise.resolve({ id }) });
const get = (id: string, headers: Record<string, string> = {}) =>
  GET(new Request(`http://127.0.0.1/api/snapshots/${id}`, { headers }), context(id));
const remove = (id: string, token?: string) =>
  DELETE(
    new Request(`http://127.0.0.1/api/snapshots/${id}`, {
      method: "DELETE",
      headers: token ? { authorization: `Bearer ${token}` } : {},
    }),
    context(id),
  );

async function errorOf(response: Response) {
  return [response.status, apiErrorSchema.parse(await response.json()).code];
}

afterAll(() => {
  process.env = savedEnv;
  rmSync(dataDir, { recursive: true, force: true });
});

describe("/api/snapshots before the store opens", () => {
  it("answers a malformed id 404 without touching the store, and 503 when the store is out of reach", async () => {
    process.env = { ...savedEnv, DATABASE_URL: "postgres://whydenied@127.0.0.1:1/none" };
    expect(await errorOf(await get("not-an-id"))).toEqual([404, "snapshot.not-found"]);
    expect(await errorOf(await remove("../../etc", "token"))).toEqual([404, "snapshot.not-found"]);
    expect(await errorOf(await get("A".repeat(22)))).toEqual([503, "store.unavailable"]);
    process.env = { ...savedEnv, WHYDENIED_DATA_DIR: dataDir, WHYDENIED_TRUSTED_PROXIES: "1" };
  });
});

describe("/api/snapshots", () => {
  it(
    "saves a paste with the server's own diagnosis, and answers it as saved, with no referrer and no indexing",
    { timeout: 90_000 },
    async () => {
      const created = await post({ kind: "paste", text: DENIAL, expiry: "7d" } satisfies CreateSnapshotBody);
      expect(created.status).toBe(201);
      const answer = createdSnapshotSchema.parse(await created.json());
      expect(answer.path).toBe(`/d/${answer.id}`);
      const read = await get(answer.id);
      expect(read.status).toBe(200);
      expect(read.headers.get("referrer-policy")).toBe("no-referrer");
      expect(read.headers.get("x-robots-tag")).toBe("noindex, nofollow");
      const snapshot = snapshotSchema.parse(await read.json());
      expect(snapshot).toMatchObject({ id: answer.id, engineVersion: "0.1.0", redacted: false, createdBy: null });
      expect(snapshot.content.kind === "paste" && snapshot.content.diagnosis.findings[0]?.layer).toBe("execution-role");
      expect(Date.parse(snapshot.expiresAt ?? "") - Date.parse(snapshot.createdAt)).toBe(7 * 24 * 3_600_000);
    },
  );

  it("saves a lookup's groups and events as sent, for 30 days unless told", async () => {
    const group = {
      key: "execution-role|s3:GetObject|arn:aws:s3:::logs/*",
      layer: "execution-role",
      action: "s3:GetObject",
      resource: "arn:aws:s3:::logs/*",
      finding: null,
      sample: '{"eventName":"GetObject"}',
      count: 3,
      firstSeen: "2026-11-30T10:00:00Z",
      lastSeen: "2026-11-30T11:00:00Z",
      regions: ["eu-west-1"],
    };
    const created = createdSnapshotSchema.parse(
      await (await post({ kind: "lookup", groups: [group], events: [] })).json(),
    );
    const snapshot = snapshotSchema.parse(await (await get(created.id)).json());
    expect(snapshot.content).toEqual({ kind: "lookup", groups: [group], events: [] });
    expect(Date.parse(snapshot.expiresAt ?? "") - Date.parse(snapshot.createdAt)).toBe(30 * 24 * 3_600_000);
  });

  it("lets only the holder of the delete token delete", async () => {
    const { id, deleteToken } = createdSnapshotSchema.parse(await (await post({ kind: "paste", text: DENIAL })).json());
    expect(await errorOf(await remove(id))).toEqual([400, "request.invalid"]);
    expect(await errorOf(await remove(id, "A".repeat(43)))).toEqual([403, "snapshot.bad-token"]);
    expect((await remove(id, deleteToken)).status).toBe(204);
    expect(await errorOf(await get(id))).toEqual([404, "snapshot.not-found"]);
    expect(await errorOf(await remove(id, deleteToken))).toEqual([404, "snapshot.not-found"]);
  });

  it.each<[string, unknown, number, string]>([
    ["an empty paste", { kind: "paste", text: "  " }, 400, "input.empty"],
    ["an unknown kind", { kind: "screenshot" }, 400, "request.invalid"],
    ["an unknown expiry", { kind: "paste", text: DENIAL, expiry: "1y" }, 400, "request.invalid"],
    ["malformed JSON", "{", 400, "request.malformed-json"],
    ["a body over the limit", { kind: "paste", text: "x".repeat(8 * 1024 * 1024) }, 413, "request.too-large"],
  ])("refuses %s", async (_, body, status, code) => {
    expect(await errorOf(await post(body))).toEqual([status, code]);
  });

  it("refuses other sites and other media types", async () => {
    expect(await errorOf(await post({ kind: "paste", text: DENIAL }, { origin: "http://attacker.example" }))).toEqual([
      403,
      "request.cross-origin",
    ]);
    expect(await errorOf(await post({ kind: "paste", text: DENIAL }, { "content-type": "text/plain" }))).toEqual([
      415,
      "request.unsupported-media-type",
    ]);
  });

  it("limits creation per client (one trusted proxy: the address it saw), answering 429 with Retry-After", async () => {
    const answers = [];
    for (let attempt = 0; attempt < 21; attempt++)
      answers.push(await post({ kind: "paste", text: DENIAL }, {}, "192.0.2.7"));
    expect(answers.slice(0, 20).map((response) => response.status)).toEqual(Array<number>(20).fill(201));
    const refused = answers[20]!;
    expect(await errorOf(refused)).toEqual([429, "snapshot.rate-limited"]);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect((await post({ kind: "paste", text: DENIAL }, {}, "192.0.2.8")).status).toBe(201);
  });

  it("answers other methods 405", async () => {
    const { GET: list } = await import("./route");
    const response = list();
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
  });
});

describe("/api/snapshots in portal mode", () => {
  it("names the signed-in user as the snapshot's creator, and refuses to create or read without identity", async () => {
    const before = process.env;
    process.env = { ...before, ...portalEnv("http://127.0.0.1:9") };
    try {
      expect(await errorOf(await post({ kind: "paste", text: DENIAL }))).toEqual([401, "auth.unauthenticated"]);
      const created = await post({ kind: "paste", text: DENIAL }, signedIn("jane@example.com", ["sre"]));
      expect(created.status).toBe(201);
      const { id } = createdSnapshotSchema.parse(await created.json());
      expect(await errorOf(await get(id))).toEqual([401, "auth.unauthenticated"]);
      const read = await get(id, signedIn("omar@example.com"));
      expect(snapshotSchema.parse(await read.json()).createdBy).toBe("jane@example.com");
    } finally {
      process.env = before;
    }
  });
});
