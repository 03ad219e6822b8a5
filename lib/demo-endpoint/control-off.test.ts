import { describe, expect, it } from "vitest";
import { demoEndpoint } from "./index";

describe("the in-app demo endpoint", () => {
  it("has its control routes off: no local caller can inject faults or reset it", async () => {
    const { endpoint } = await demoEndpoint();
    for (const [method, path] of [
      ["GET", "stats"],
      ["POST", "reset"],
      ["POST", "faults"],
    ] as const) {
      const response = await fetch(`${endpoint}/__control/${path}`, {
        method,
        headers: { "x-whydenied-control-token": "any-token-of-some-length" },
        ...(method === "POST" ? { body: JSON.stringify({ times: 1, status: 503 }) } : {}),
      });
      expect(response.status).toBe(404);
    }
  });
});
