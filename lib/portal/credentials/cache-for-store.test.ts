import { describe, expect, it } from "vitest";
import type { Store } from "../../store";
import { InMemorySessionCredentialCache, SealedSessionCredentialCache, sessionCacheFor } from "./index";

const clock = { now: () => 0 };
const shared = {
  sessionCredentials: { find: () => Promise.resolve(null), save: () => Promise.resolve() },
} as unknown as Store["shared"];

describe("sessionCacheFor", () => {
  it("keeps sessions in memory with the embedded store, which serves one process", () => {
    expect(sessionCacheFor({ kind: "embedded", shared }, undefined, clock)).toBeInstanceOf(
      InMemorySessionCredentialCache,
    );
  });

  it("shares them sealed through PostgreSQL, and needs the secret for it", () => {
    const secret = "a-test-secret-of-at-least-32-characters";
    expect(sessionCacheFor({ kind: "postgres", shared }, secret, clock)).toBeInstanceOf(SealedSessionCredentialCache);
    expect(() => sessionCacheFor({ kind: "postgres", shared }, undefined, clock)).toThrow(/WHYDENIED_SECRET/);
    expect(() => sessionCacheFor({ kind: "postgres", shared }, "too short", clock)).toThrow(/32 characters/);
  });
});
