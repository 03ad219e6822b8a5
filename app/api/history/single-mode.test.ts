import { afterAll, describe, expect, it } from "vitest";
import { apiErrorSchema } from "@/lib/wire";
import { GET as exportAudit } from "../audit.jsonl/route";
import { GET } from "./route";

const savedEnv = { ...process.env };
process.env = { ...savedEnv, WHYDENIED_AUTH: "off", WHYDENIED_CONFIG: "" };

afterAll(() => {
  process.env = savedEnv;
});

describe("history and audit without a portal configuration", () => {
  it("answer 404 portal.off, whatever identity headers a client sends, and never open the store", async () => {
    process.env.DATABASE_URL = "postgres://whydenied@127.0.0.1:1/none";
    const headers = { "x-forwarded-email": "mallory@example.com", "x-forwarded-groups": "platform" };
    for (const response of [
      await GET(new Request("http://127.0.0.1/api/history", { headers })),
      await exportAudit(new Request("http://127.0.0.1/api/audit.jsonl", { headers })),
    ]) {
      expect(response.status).toBe(404);
      expect(apiErrorSchema.parse(await response.json()).code).toBe("portal.off");
    }
  });
});
