import { describe, expect, it } from "vitest";
import { apiErrorSchema, diagnosisSchema } from "@/lib/wire";
import { DELETE, GET, POST } from "./route";

describe("/api/diagnose", () => {
  it("diagnoses a posted message", async () => {
    const response = await POST(
      new Request("http://127.0.0.1/api/diagnose", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          text: "User: arn:aws:iam::123456789012:user/alice is not authorized to perform: s3:ListBucket on resource: arn:aws:s3:::logs",
        }),
      }),
    );
    expect(response.status).toBe(200);
    expect(diagnosisSchema.parse(await response.json()).findings).toHaveLength(1);
  });

  it.each([
    ["text/plain", "request.unsupported-media-type", 415, {}],
    ["application/json", "request.cross-origin", 403, { origin: "http://attacker.example" }],
    ["application/json", "request.bad-host", 403, { host: "attacker.example" }],
  ])("refuses a %s body with %s (%i)", async (contentType, code, status, headers) => {
    const response = await POST(
      new Request("http://127.0.0.1/api/diagnose", {
        method: "POST",
        headers: { "content-type": contentType, ...headers },
        body: JSON.stringify({ text: "User: arn:aws:iam::123456789012:user/alice is not authorized" }),
      }),
    );
    expect([response.status, apiErrorSchema.parse(await response.json()).code]).toEqual([status, code]);
  });

  it.each([
    ["GET", GET],
    ["DELETE", DELETE],
  ])("answers %s with 405 and the documented {code, message}", async (_, handler) => {
    const response = handler();
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
    expect(apiErrorSchema.parse(await response.json())).toEqual({
      code: "request.method-not-allowed",
      message: "This endpoint answers POST requests only.",
    });
  });
});
