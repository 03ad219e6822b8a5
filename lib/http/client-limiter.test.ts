import { describe, expect, it } from "vitest";
import { createClientLimiter } from "./client-limiter";

describe("createClientLimiter", () => {
  it("admits up to the maximum per client, each client on its own", () => {
    const limiter = createClientLimiter(2);
    expect(limiter.tryEnter("a")).not.toBeNull();
    expect(limiter.tryEnter("a")).not.toBeNull();
    expect(limiter.tryEnter("a")).toBeNull();
    expect(limiter.tryEnter("b")).not.toBeNull();
  });

  it("gives a place back once per release, however often it is called", () => {
    const limiter = createClientLimiter(1);
    const release = limiter.tryEnter("a")!;
    release();
    release();
    const again = limiter.tryEnter("a");
    expect(again).not.toBeNull();
    expect(limiter.tryEnter("a")).toBeNull();
    again!();
    expect(limiter.tryEnter("a")).not.toBeNull();
  });
});
