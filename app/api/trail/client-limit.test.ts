import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { seedDemoEvents } from "@/lib/demo";
import { INITIAL_LOOKUP_STATE, reduceLookup } from "@/lib/run";
import { apiErrorSchema } from "@/lib/wire";
import { BUSY_RETRY_AFTER_SECONDS, MAX_UPLOADS_PER_CLIENT } from "../client-slots";
import { readEvents } from "../testing/ndjson";
import { POST } from "./route";

const savedEnv = { ...process.env };
const lines = new TextEncoder().encode(
  seedDemoEvents({ now: new Date(), days: 1 })
    .map((record) => JSON.stringify(record))
    .join("\n") + "\n",
);

/** An upload that sends a day of records, then holds the connection open until `finish` is called. */
function heldUpload(clientAddress: string, headers: Record<string, string> = {}) {
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  let sent = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!sent) {
        sent = true;
        return controller.enqueue(lines);
      }
      await finished;
      controller.close();
    },
  });
  const response = POST(
    new Request("http://127.0.0.1/api/trail", {
      method: "POST",
      body,
      headers: { "content-type": "application/octet-stream", "x-forwarded-for": clientAddress, ...headers },
      duplex: "half",
    } as RequestInit),
  );
  return { response, finish };
}

beforeEach(() => {
  process.env = { ...savedEnv, WHYDENIED_TRUSTED_PROXIES: "1" };
});

afterEach(() => {
  process.env = { ...savedEnv };
});

describe("POST /api/trail, per client", () => {
  it("refuses a client past its uploads with 429 and Retry-After, serves others, and frees the place when one ends", async () => {
    const held = Array.from({ length: MAX_UPLOADS_PER_CLIENT }, () => heldUpload("203.0.113.40"));
    for (const upload of held) expect((await upload.response).status).toBe(200);

    const refused = heldUpload("203.0.113.40");
    const answer = await refused.response;
    expect(answer.status).toBe(429);
    expect(answer.headers.get("retry-after")).toBe(String(BUSY_RETRY_AFTER_SECONDS));
    expect(apiErrorSchema.parse(await answer.json())).toMatchObject({ code: "request.too-many-concurrent" });

    const other = heldUpload("203.0.113.41");
    other.finish();
    expect(reduceLookup(INITIAL_LOOKUP_STATE, await readEvents(await other.response)).done).toMatchObject({
      partial: false,
    });

    held.forEach((upload) => upload.finish());
    const results = await Promise.all(held.map(async (upload) => readEvents(await upload.response)));
    for (const events of results) expect(reduceLookup(INITIAL_LOOKUP_STATE, events).done).toBeTruthy();

    const again = heldUpload("203.0.113.40");
    again.finish();
    const admitted = await again.response;
    expect(admitted.status).toBe(200);
    await admitted.text();
  });
});

describe("POST /api/trail, per signed-in user", () => {
  it("counts each user's uploads apart, even behind one proxy address", async () => {
    process.env = { ...process.env, WHYDENIED_AUTH: "proxy", WHYDENIED_PROXY: "oauth2-proxy" };
    const as = (email: string) => ({ "x-forwarded-email": email });
    const held = Array.from({ length: MAX_UPLOADS_PER_CLIENT }, () => heldUpload("10.0.0.1", as("ana@example.com")));
    for (const upload of held) expect((await upload.response).status).toBe(200);
    expect((await heldUpload("10.0.0.1", as("ana@example.com")).response).status).toBe(429);

    const other = heldUpload("10.0.0.1", as("ben@example.com"));
    other.finish();
    expect((await other.response).status).toBe(200);
    await (await other.response).text();
    held.forEach((upload) => upload.finish());
    await Promise.all(held.map(async (upload) => (await upload.response).text()));
  });
});
