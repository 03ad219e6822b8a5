import fc from "fast-check";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { seedDemoEvents } from "@/lib/demo";
import { errorCodeSchema } from "@/lib/errors";
import { statusFor } from "@/lib/http";
import { startLocalAws, type LocalAws } from "@/lib/local-aws";
import { fuzzRuns, withinInputBudget } from "@/lib/testing/fuzz";
import { chunkSizes, trailUpload } from "@/lib/testing/trail-inputs";
import { apiErrorSchema, diagnosisSchema, lookupRequestSchema, streamEventSchema } from "@/lib/wire";
import { POST as diagnosePost } from "./diagnose/route";
import { POST as lookupPost } from "./lookup/route";
import { POST as trailPost } from "./trail/route";

const savedEnv = { ...process.env };
let endpoint: LocalAws;

beforeAll(async () => {
  endpoint = await startLocalAws({ events: seedDemoEvents({ now: new Date(), days: 1 }) });
});

beforeEach(() => {
  process.env = {
    ...savedEnv,
    WHYDENIED_CLOUDTRAIL_ENDPOINT: endpoint.url,
    AWS_ACCESS_KEY_ID: "test",
    AWS_SECRET_ACCESS_KEY: "test",
    AWS_EC2_METADATA_DISABLED: "true",
  };
});

afterAll(async () => {
  process.env = savedEnv;
  await endpoint.close();
});

const CONTENT_TYPES = [
  "application/json",
  "application/octet-stream",
  "application/gzip",
  "text/plain",
  "",
  "application/json; charset=utf-8",
];

/** A typed `{code, message}` error whose status is the one the error table gives its code. */
async function expectTypedError(response: Response): Promise<void> {
  const error = apiErrorSchema.parse(await response.json());
  expect(response.status).toBe(statusFor(errorCodeSchema.parse(error.code)));
  expect(response.status).not.toBe(500);
}

/** An NDJSON answer: every line an event of the wire schema, the last one `done`. */
async function expectCompleteStream(response: Response): Promise<void> {
  const lines = (await response.text()).split("\n").filter((line) => line.trim());
  const events = lines.map((line) => streamEventSchema.parse(JSON.parse(line)));
  expect(events.at(-1)?.type).toBe("done");
  expect(events).not.toContainEqual(expect.objectContaining({ code: "internal.error" }));
}

function post(path: string, body: BodyInit, contentType: string): Request {
  return new Request(`http://127.0.0.1${path}`, {
    method: "POST",
    body,
    headers: contentType ? { "content-type": contentType } : {},
  });
}

const diagnoseBody = fc.oneof(
  fc.string({ maxLength: 500 }),
  fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value) ?? ""),
  fc.string({ unit: "binary", maxLength: 2000 }).map((text) => JSON.stringify({ text })),
  fc.constantFrom(
    JSON.stringify({
      text: "User: arn:aws:iam::123456789012:user/a is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::b/k",
    }),
    JSON.stringify({ text: "x".repeat(300 * 1024) }),
    `{"text":"${"\\u0041".repeat(200 * 1024)}"}`,
    "[".repeat(100_000),
    "{".repeat(10) + "}".repeat(10),
  ),
);

const lookupBody = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value) ?? ""),
  fc
    .record(
      {
        roleArn: fc.oneof(
          fc.constant("arn:aws:iam::123456789012:role/orders-api-role"),
          fc.string({ maxLength: 3000 }),
        ),
        functionName: fc.oneof(fc.constant("orders-api"), fc.string({ maxLength: 300 }), fc.constant(null)),
        regions: fc.oneof(fc.constant(["eu-west-1"]), fc.array(fc.string({ maxLength: 70 }), { maxLength: 12 })),
        includeGlobalRegion: fc.oneof(fc.boolean(), fc.jsonValue()),
        window: fc.oneof(
          fc.record({ hours: fc.oneof(fc.double(), fc.integer({ min: 1, max: 48 })) }),
          fc.record({
            start: fc.oneof(
              fc.string(),
              fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
            ),
          }),
        ),
        eventSource: fc.oneof(fc.constant("kms.amazonaws.com"), fc.string({ maxLength: 80 }), fc.constant(null)),
        source: fc.oneof(fc.constantFrom("aws", "demo"), fc.string()),
      },
      { requiredKeys: [] },
    )
    .map((body) => JSON.stringify(body)),
  fc.constant("x".repeat(20 * 1024)),
);

describe("the API routes, fuzzed", () => {
  it("POST /api/diagnose answers any body with a diagnosis or a typed error, within the budget", async () => {
    await fc.assert(
      fc.asyncProperty(diagnoseBody, fc.constantFrom(...CONTENT_TYPES), async (body, contentType) => {
        const response = await withinInputBudget(() => diagnosePost(post("/api/diagnose", body, contentType)));
        if (response.status === 200) diagnosisSchema.parse(await response.json());
        else await expectTypedError(response);
      }),
      { numRuns: fuzzRuns(150) },
    );
  });

  it("POST /api/trail answers any upload with a complete stream or a typed error, within the budget", async () => {
    await fc.assert(
      fc.asyncProperty(
        trailUpload,
        chunkSizes,
        fc.constantFrom(...CONTENT_TYPES),
        async (bytes, sizes, contentType) => {
          let offset = 0;
          let turn = 0;
          const size = () => Math.max(bytes.length > 64 * 1024 ? 16 * 1024 : 1, sizes[turn++ % sizes.length]!);
          const body = new ReadableStream<Uint8Array>({
            pull(controller) {
              if (offset >= bytes.length) return controller.close();
              const next = offset + size();
              controller.enqueue(bytes.subarray(offset, next));
              offset = next;
            },
          });
          await withinInputBudget(async () => {
            const response = await trailPost(
              new Request("http://127.0.0.1/api/trail", {
                method: "POST",
                body,
                headers: contentType ? { "content-type": contentType } : {},
                duplex: "half",
              } as RequestInit),
            );
            if (response.status === 200) await expectCompleteStream(response);
            else await expectTypedError(response);
          });
        },
      ),
      { numRuns: fuzzRuns(40) },
    );
  });

  it("POST /api/lookup answers any body with a stream or a typed error, within the budget", async () => {
    await fc.assert(
      fc.asyncProperty(lookupBody, fc.constantFrom(...CONTENT_TYPES), async (body, contentType) => {
        const response = await withinInputBudget(() => lookupPost(post("/api/lookup", body, contentType)));
        if (response.status !== 200) return expectTypedError(response);
        // A valid request streams a real lookup: its schema held, and its answer is NDJSON; stop reading it there.
        expect(lookupRequestSchema.safeParse(JSON.parse(body)).success).toBe(true);
        expect(response.headers.get("content-type")).toContain("application/x-ndjson");
        await response.body?.cancel();
      }),
      { numRuns: fuzzRuns(150) },
    );
  });
});
