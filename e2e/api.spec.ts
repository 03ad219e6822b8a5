import { expect, test } from "@playwright/test";
import { seedDemoEvents } from "@/lib/demo";
import { apiErrorSchema, diagnosisSchema, lookupStatusSchema, streamEventSchema } from "@/lib/wire";

const KMS_DENIAL =
  "An error occurred (AccessDeniedException) when calling the Decrypt operation: " +
  "User: arn:aws:sts::123456789012:assumed-role/reports-fn-role/nightly-report is not authorized to perform: " +
  "kms:Decrypt on resource: arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab " +
  "because no resource-based policy allows the kms:Decrypt action";

test.describe("POST /api/diagnose", () => {
  test("returns the documented finding shape", async ({ request }) => {
    const response = await request.post("/api/diagnose", { data: { text: KMS_DENIAL } });
    expect(response.status()).toBe(200);
    const body = diagnosisSchema.parse(await response.json());
    expect(body.findings).toHaveLength(1);
    const finding = body.findings[0]!;
    expect(finding).toMatchObject({
      layer: "kms-key-policy",
      service: "kms",
      action: "kms:Decrypt",
      principal: "arn:aws:sts::123456789012:assumed-role/reports-fn-role/nightly-report",
      statedPolicyType: "resource-based",
    });
    expect(finding.candidates[0].checks.length).toBeGreaterThan(0);
    expect(finding.fix.cli).toContain("aws kms create-grant");
    expect(finding.fix.statement?.Principal).toEqual({ AWS: "arn:aws:iam::123456789012:role/reports-fn-role" });
  });

  test("rejects empty text with a hint", async ({ request }) => {
    const response = await request.post("/api/diagnose", { data: { text: "   " } });
    expect(response.status()).toBe(400);
    expect(await response.json()).toMatchObject({ code: "input.empty" });
  });

  test("rejects text over 256 KiB with 413", async ({ request }) => {
    const response = await request.post("/api/diagnose", { data: { text: "x".repeat(256 * 1024 + 1) } });
    expect(response.status()).toBe(413);
    const body = apiErrorSchema.parse(await response.json());
    expect(body.code).toBe("input.too-large");
    expect(body.message).toMatch(/256 KiB/);
  });

  test("rejects malformed JSON and wrong shapes", async ({ request }) => {
    const malformed = await request.post("/api/diagnose", {
      data: Buffer.from("{not json"),
      headers: { "content-type": "application/json" },
    });
    expect(malformed.status()).toBe(400);
    expect(await malformed.json()).toMatchObject({ code: "request.malformed-json" });
    const wrongShape = await request.post("/api/diagnose", { data: { message: "hi" } });
    expect(wrongShape.status()).toBe(400);
    expect(await wrongShape.json()).toMatchObject({ code: "request.invalid" });
  });

  test("answers unrelated and binary text with no findings", async ({ request }) => {
    for (const text of ["hello, this is not an AWS error", "\u0000\u0001\u00ff\ufffd".repeat(500)]) {
      const response = await request.post("/api/diagnose", { data: { text } });
      expect(response.status()).toBe(200);
      expect(diagnosisSchema.parse(await response.json()).findings).toEqual([]);
    }
  });

  test("recognises a non-permission error", async ({ request }) => {
    const response = await request.post("/api/diagnose", {
      data: {
        text: "An error occurred (ExpiredToken) when calling the GetObject operation: The provided token has expired.",
      },
    });
    const body = diagnosisSchema.parse(await response.json());
    expect(body.findings).toEqual([]);
    expect(body.nonDenials[0]?.code).toBe("ExpiredToken");
  });
});

test.describe("lookup and trail APIs", () => {
  test("GET /api/lookup/status says what the form needs and nothing about the credentials", async ({ request }) => {
    const response = await request.get("/api/lookup/status");
    const body = lookupStatusSchema.parse(await response.json());
    expect(body).toMatchObject({
      credentials: "available",
      target: "endpoint",
      defaultRegion: "eu-west-1",
      demo: { enabled: true },
    });
    expect(body.requiredPolicy.Statement[0]).toMatchObject({ Action: "cloudtrail:LookupEvents", Resource: "*" });
    expect(JSON.stringify(body)).not.toMatch(/AKIAE2E|not-a-secret|127\.0\.0\.1/);
  });

  test("POST /api/lookup refuses a bad ARN with a typed error", async ({ request }) => {
    const response = await request.post("/api/lookup", {
      data: { roleArn: "my-role", regions: ["eu-west-1"], window: { hours: 24 } },
    });
    expect(response.status()).toBe(400);
    expect(await response.json()).toMatchObject({
      code: "lookup.bad-arn",
      message: expect.stringContaining("is not an ARN"),
    });
  });

  test("POST /api/lookup streams NDJSON events ending in done", async ({ request }) => {
    const response = await request.post("/api/lookup", {
      data: {
        roleArn: "arn:aws:iam::123456789012:role/orders-api-role",
        functionName: "orders-api",
        regions: ["eu-west-1"],
        includeGlobalRegion: false,
        window: { hours: 6 },
      },
    });
    expect(response.headers()["content-type"]).toContain("application/x-ndjson");
    const events = (await response.text())
      .trim()
      .split("\n")
      .map((line) => streamEventSchema.parse(JSON.parse(line)));
    expect(events[0]?.type).toBe("start");
    expect(events.at(-1)?.type).toBe("done");
  });

  test("POST /api/trail answers 422 for a file that is not CloudTrail and 400 for an empty one", async ({
    request,
  }) => {
    const html = await request.post("/api/trail", {
      data: Buffer.from("<html>hi</html>"),
      headers: { "content-type": "application/octet-stream" },
    });
    expect([html.status(), apiErrorSchema.parse(await html.json()).code]).toEqual([422, "trail.unrecognized"]);
    const empty = await request.post("/api/trail", {
      data: Buffer.alloc(0),
      headers: { "content-type": "application/octet-stream" },
    });
    expect([empty.status(), apiErrorSchema.parse(await empty.json()).code]).toEqual([400, "upload.empty"]);
  });

  test("POST /api/trail reads an upload of more than 10 MB to its last record", async ({ request }) => {
    // A request the Next.js proxy runs on has its body held in memory and cut at 10 MB: the API must not pass it.
    const day = seedDemoEvents({ now: new Date(), days: 1 });
    const success = day.find((record) => !record.errorCode)!;
    const denial = day.find((record) => record.errorCode)!;
    const lines = Array.from({ length: 16_000 }, (_, index) =>
      JSON.stringify({ ...success, eventID: `filler-${index}` }),
    );
    lines.push(JSON.stringify({ ...denial, eventID: "the-last-record" }));
    const body = Buffer.from(`${lines.join("\n")}\n`);
    expect(body.length).toBeGreaterThan(10 * 1024 * 1024);
    const response = await request.post("/api/trail", {
      data: body,
      headers: { "content-type": "application/octet-stream" },
    });
    expect(response.status()).toBe(200);
    const events = (await response.text())
      .trim()
      .split("\n")
      .map((line) => streamEventSchema.parse(JSON.parse(line)));
    expect(events.filter((event) => event.type === "error")).toEqual([]);
    const done = events.at(-1);
    expect(done?.type === "done" && done.progress.eventsScanned).toBe(lines.length);
    expect(events.some((event) => event.type === "denial")).toBe(true);
  });
});
