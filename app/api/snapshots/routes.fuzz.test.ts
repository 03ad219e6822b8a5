import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorCodeSchema } from "@/lib/errors";
import { statusFor } from "@/lib/http";
import { fuzzRuns, withinInputBudget } from "@/lib/testing/fuzz";
import { apiErrorSchema, createdSnapshotSchema } from "@/lib/wire";
import { GET as getSnapshot } from "./[id]/route";
import { POST as createSnapshot } from "./route";

const savedEnv = { ...process.env };
const dataDir = mkdtempSync(join(tmpdir(), "whydenied-snapshot-fuzz-"));
let client = 0;

beforeAll(async () => {
  // One trusted proxy, a new address per input: the creation rate limit never hides what the body does.
  process.env = { ...savedEnv, WHYDENIED_DATA_DIR: dataDir, WHYDENIED_TRUSTED_PROXIES: "1" };
  // Opening the embedded database (PGlite's start-up and the migrations) is the process's, not an input's, cost.
  expect((await createSnapshot(post(JSON.stringify({ kind: "paste", text: DENIAL })))).status).toBe(201);
}, 120_000);

afterAll(() => {
  process.env = savedEnv;
  rmSync(dataDir, { recursive: true, force: true });
});

const DENIAL =
  "User: arn:aws:sts::123456789012:assumed-role/r/fn is not authorized to perform: s3:GetObject on resource: " +
  "arn:aws:s3:::bucket/key because no identity-based policy allows the s3:GetObject action";

/** Snapshot bodies: random JSON, near-misses of the real shapes, hostile strings and sizes. */
const snapshotBody = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.jsonValue({ maxDepth: 5 }).map((value) => JSON.stringify(value) ?? ""),
  fc
    .record({
      kind: fc.constantFrom("paste", "lookup", "trail", "other"),
      text: fc.oneof(fc.string({ unit: "binary", maxLength: 2000 }), fc.constant(DENIAL)),
      expiry: fc.constantFrom("1d", "7d", "30d", "never", "forever", 7),
      redact: fc.oneof(fc.boolean(), fc.string({ maxLength: 5 })),
      groups: fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 5 }),
      events: fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 5 }),
    })
    .map((body) => JSON.stringify(body)),
  fc.constantFrom(
    JSON.stringify({ kind: "paste", text: DENIAL, expiry: "1d", redact: true }),
    JSON.stringify({ kind: "paste", text: "x".repeat(300 * 1024) }),
    JSON.stringify({ kind: "lookup", groups: Array.from({ length: 2_001 }, () => ({})), events: [] }),
    "[".repeat(100_000),
    `{"kind":"paste","text":"${"\\u0041".repeat(100 * 1024)}"}`,
  ),
);

function post(body: string): Request {
  return new Request("http://127.0.0.1/api/snapshots", {
    method: "POST",
    body,
    headers: { "content-type": "application/json", "x-forwarded-for": `198.51.${client >> 8}.${client++ & 255}` },
  });
}

describe("snapshot routes under fuzzed input", () => {
  it(
    "answer every POST body with a snapshot that reads back, or a typed error, within the per-input budget",
    { timeout: 240_000 },
    async () => {
      await fc.assert(
        fc.asyncProperty(snapshotBody, async (body) => {
          const response = await withinInputBudget(() => createSnapshot(post(body)));
          if (response.status === 201) {
            const created = createdSnapshotSchema.parse(await response.json());
            const read = await getSnapshot(new Request(`http://127.0.0.1/api/snapshots/${created.id}`), {
              params: Promise.resolve({ id: created.id }),
            });
            expect(read.status).toBe(200);
            return;
          }
          const error = apiErrorSchema.parse(await response.json());
          expect(response.status).toBe(statusFor(errorCodeSchema.parse(error.code)));
          expect(response.status).not.toBe(500);
        }),
        { numRuns: fuzzRuns(60) },
      );
    },
  );

  it("answers any id with the snapshot, or 404, never an error", { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "binary", maxLength: 300 }), async (id) => {
        const response = await withinInputBudget(() =>
          getSnapshot(new Request("http://127.0.0.1/api/snapshots/x"), { params: Promise.resolve({ id }) }),
        );
        expect([200, 404]).toContain(response.status);
      }),
      { numRuns: fuzzRuns(200) },
    );
  });
});
