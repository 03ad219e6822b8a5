import { describe, expect, it } from "vitest";
import { callOf, createRetryTracker, MAX_TRACKED_CALLS, RETRY_WINDOW_MS } from "./retries";
import { roleRecord } from "./testing/records";

const denial = roleRecord({ role: "orders-api-role", session: "orders-api", id: "1", time: "2026-11-23T10:00:00Z" });
const DENIED_AT = Date.parse("2026-11-23T10:00:00Z");

describe("createRetryTracker", () => {
  it("resolves a waiting denial with a success inside the window, once", () => {
    const tracker = createRetryTracker<string>();
    const call = callOf(denial);
    expect(tracker.denied(call, DENIED_AT, "first")).toBe(false);
    expect(tracker.succeeded(call, DENIED_AT + RETRY_WINDOW_MS + 1)).toEqual([]);
    expect(tracker.succeeded(call, DENIED_AT + RETRY_WINDOW_MS)).toEqual(["first"]);
    expect(tracker.succeeded(call, DENIED_AT + 1000)).toEqual([]);
  });

  it("answers at once for a denial whose success it has already seen", () => {
    const tracker = createRetryTracker<string>();
    const call = callOf(denial);
    tracker.succeeded(call, DENIED_AT + 2000);
    expect(tracker.denied(call, DENIED_AT, "seen-after")).toBe(true);
    expect(tracker.denied(call, DENIED_AT + 3000, "later-than-the-success")).toBe(false);
  });

  it("reads the resource a denial's message names and those a success's request parameters name", () => {
    const success = roleRecord({
      role: "orders-api-role",
      session: "orders-api",
      id: "2",
      time: "2026-11-23T10:01:00Z",
      errorCode: null,
      requestParameters: { keyId: "arn:aws:kms:us-east-1:123456789012:key/k-1", encryptionContext: { a: "b" } },
    });
    expect(callOf(denial, "arn:aws:kms:us-east-1:123456789012:key/k-1")).toEqual({
      key: "kms.amazonaws.com Decrypt arn:aws:sts::123456789012:assumed-role/orders-api-role/orders-api",
      resources: ["arn:aws:kms:us-east-1:123456789012:key/k-1"],
    });
    expect(callOf(success).resources).toEqual(["arn:aws:kms:us-east-1:123456789012:key/k-1"]);
  });

  it("forgets the least recently seen calls past MAX_TRACKED_CALLS, so memory stays bounded", () => {
    const tracker = createRetryTracker<number>();
    const call = (index: number) => ({ key: `s3.amazonaws.com GetObject user-${index}`, resources: [] });
    for (let index = 0; index <= MAX_TRACKED_CALLS; index++) tracker.denied(call(index), DENIED_AT, index);
    expect(tracker.succeeded(call(0), DENIED_AT + 1)).toEqual([]);
    expect(tracker.succeeded(call(MAX_TRACKED_CALLS), DENIED_AT + 1)).toEqual([MAX_TRACKED_CALLS]);
  });
});
