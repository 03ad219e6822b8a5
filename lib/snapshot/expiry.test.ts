import { describe, expect, it } from "vitest";
import { expiresAt, isExpired } from "./expiry";

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
    expect(isExpired(null, new Date("2126-01-01T00:00:00Z"))).toBe(false);
  });

  it("is past at the expiry instant, not a millisecond before", () => {
    const expires = expiresAt(CREATED, "1d")!;
    expect(isExpired(expires, new Date(expires.getTime() - 1))).toBe(false);
    expect(isExpired(expires, expires)).toBe(true);
  });
});
