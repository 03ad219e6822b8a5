import { describe, expect, it } from "vitest";
import { resolveWindow } from "./window";

const now = new Date("2026-11-23T12:00:00Z");

describe("resolveWindow", () => {
  it("defaults to the last 24 hours", () => {
    expect(resolveWindow({}, now)).toEqual({ ok: true, value: { start: new Date("2026-11-22T12:00:00Z"), end: now } });
  });

  it("takes explicit times and clamps a future end to now", () => {
    const result = resolveWindow({ start: "2026-11-20T00:00:00Z", end: "2027-01-01T00:00:00Z" }, now);
    expect(result).toEqual({ ok: true, value: { start: new Date("2026-11-20T00:00:00Z"), end: now } });
  });

  it("accepts exactly 90 days and refuses more, pointing to trail files", () => {
    expect(resolveWindow({ hours: 90 * 24 }, now).ok).toBe(true);
    const tooLong = resolveWindow({ hours: 91 * 24 }, now);
    expect(tooLong).toMatchObject({ ok: false, error: { code: "lookup.window-too-large" } });
    if (!tooLong.ok) expect(tooLong.error.message).toContain("upload the trail's log files");
  });

  it.each([
    [{ start: "yesterday-ish" }],
    [{ start: "2026-11-23T13:00:00Z" }],
    [{ start: "2026-11-22T00:00:00Z", end: "2026-11-21T00:00:00Z" }],
  ])("refuses %j", (input) => {
    expect(resolveWindow(input, now)).toMatchObject({ ok: false, error: { code: "lookup.bad-window" } });
  });
});
