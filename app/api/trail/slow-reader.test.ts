import { describe, expect, it } from "vitest";
import { MAX_DENIAL_JSON_BYTES, MAX_GROUPS } from "@/lib/lookup/denials";
import { roleRecord } from "@/lib/lookup/testing/records";
import { readEvents } from "../testing/ndjson";
import { STREAM_BUFFER_BYTES } from "../stream";
import { POST } from "./route";

/** A denial of its own group whose names make its diagnosed fields just under MAX_DENIAL_JSON_BYTES. */
function largestDenial(index: number): string {
  const role = `r${index}-${"n".repeat(1_750)}`;
  return JSON.stringify(
    roleRecord({
      role,
      session: "s",
      id: `e${index}`,
      time: "2026-11-23T10:00:00Z",
      errorMessage:
        `User: arn:aws:sts::123456789012:assumed-role/${role}/s is not authorized to perform: kms:Decrypt on resource: ` +
        `arn:aws:kms:us-east-1:123456789012:key/k-${index}`,
    }),
  );
}

/** The upload as a browser sends it: chunk by chunk, with a promise that settles once the last byte was taken. */
function uploadBody(lines: string[]): { body: ReadableStream<Uint8Array>; sent: Promise<void> } {
  const encoder = new TextEncoder();
  let next = 0;
  let markSent = () => undefined as void;
  const sent = new Promise<void>((resolve) => (markSent = resolve));
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (next >= lines.length) {
        controller.close();
        markSent();
        return;
      }
      controller.enqueue(encoder.encode(`${lines.slice(next, next + 50).join("\n")}\n`));
      next += 50;
    },
  });
  return { body, sent };
}

describe("POST /api/trail with a reader that waits for its upload to be sent", () => {
  it("reads the whole upload and answers every group, within the stream's buffer", async () => {
    const lines = Array.from({ length: MAX_GROUPS + 100 }, (_, index) => largestDenial(index));
    expect(lines[0]!.length).toBeGreaterThan(MAX_DENIAL_JSON_BYTES * 0.85);
    const { body, sent } = uploadBody(lines);
    const response = await POST(
      new Request("http://127.0.0.1/api/trail", {
        method: "POST",
        body,
        headers: { "content-type": "application/octet-stream" },
        duplex: "half",
      } as RequestInit),
    );
    // Nothing of the answer is read before the upload is sent: work that paused would never get there.
    await sent;
    const text = await response.clone().text();
    const events = await readEvents(response);
    expect(events.at(-1)).toMatchObject({ type: "done", partial: false });
    expect(events.filter((event) => event.type === "group")).toHaveLength(MAX_GROUPS);
    expect(events).not.toContainEqual(expect.objectContaining({ code: "denials.too-large" }));
    expect(new TextEncoder().encode(text).length).toBeLessThan(STREAM_BUFFER_BYTES);
  });
});
