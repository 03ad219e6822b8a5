import { describe, expect, it } from "vitest";
import { apiErrorSchema, lookupStatusSchema } from "@/lib/wire";
import { GET } from "./route";

const status = (headers: Record<string, string>) => GET(new Request("http://127.0.0.1/api/lookup/status", { headers }));

describe("GET /api/lookup/status", () => {
  it("answers the page's own same-origin request", async () => {
    const response = await status({ "sec-fetch-site": "same-origin" });
    expect(response.status).toBe(200);
    expect(lookupStatusSchema.parse(await response.json())).toBeDefined();
  });

  it.each([
    [{ "sec-fetch-site": "cross-site" }, "request.cross-origin"],
    [{ host: "attacker.example" }, "request.bad-host"],
  ])("refuses %o with a typed 403: the answer reflects the server's credentials", async (headers, code) => {
    const response = await status(headers);
    expect([response.status, apiErrorSchema.parse(await response.json()).code]).toEqual([403, code]);
  });
});
