import { describe, expect, it } from "vitest";
import { etaSeconds, windowFraction } from "./progress";

describe("progress", () => {
  it("measures how far back a newest-first scan has reached", () => {
    expect(windowFraction(0, 100, 100)).toBe(0);
    expect(windowFraction(0, 100, 25)).toBe(0.75);
    expect(windowFraction(0, 100, -5)).toBe(1);
    expect(windowFraction(100, 100, 0)).toBe(1);
  });

  it("estimates time left only once there is something to go on", () => {
    expect(etaSeconds(0.01, 10)).toBeNull();
    expect(etaSeconds(0.5, 0.5)).toBeNull();
    expect(etaSeconds(0.25, 10)).toBe(30);
    expect(etaSeconds(1, 10)).toBe(0);
  });
});
