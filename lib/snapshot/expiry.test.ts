import { describe, expect, it } from "vitest";
import { expiresAt } from "./expiry";

const CREATED = new Date("2026-12-01T12:00:00.000Z");

describe("expiry", () => {
  it.each([
    ["1d", "2026-12-02T12:00:00.000Z"],
    ["7d", "2026-12-08T12:00:00.000Z"],
    ["30d", "2026-12-31T12:00:00.000Z"],
  ] as const)("%s after creation", (expiry, expected) => {
    expect(expiresAt(CREATED, expiry)?.toISOString()).toBe(expected);
  });

  it("never, for a snapshot kept until its owner deletes it", () => {
    expect(expiresAt(CREATED, "never")).toBeNull();
  });
});
