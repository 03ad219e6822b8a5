import { describe, expect, it } from "vitest";
import type { Finding } from "../model";
import type { DeniedEvent, LookupStreamEvent } from "./events";
import { INITIAL_LOOKUP_STATE, MAX_ROWS, newestFirst, rankGroups, reduceLookup } from "./state";

const finding = { id: "group-1" } as Finding;
const group = (key: string): LookupStreamEvent => ({ type: "group", group: { key, layer: "execution-role", action: "s3:GetObject", resource: null, finding } });
const denial = (groupKey: string, time: string, region = "us-east-1"): LookupStreamEvent => ({
  type: "denial",
  event: { id: time, time, region, source: "s3.amazonaws.com", name: "GetBucketPolicy", principal: null, errorCode: "AccessDenied", groupKey, consoleUrl: null } satisfies DeniedEvent,
});

describe("reduceLookup", () => {
  it("counts each group with its first and last sighting and Regions", () => {
    const state = reduceLookup(INITIAL_LOOKUP_STATE, [
      group("a"),
      denial("a", "2026-11-23T10:00:00Z"),
      denial("a", "2026-11-23T08:00:00Z", "eu-west-1"),
      group("b"),
      denial("b", "2026-11-23T09:00:00Z"),
      denial("a", "2026-11-23T11:00:00Z"),
    ]);
    expect(state.groups.map(({ key, count, firstSeen, lastSeen, regions }) => ({ key, count, firstSeen, lastSeen, regions }))).toEqual([
      { key: "a", count: 3, firstSeen: "2026-11-23T08:00:00Z", lastSeen: "2026-11-23T11:00:00Z", regions: ["us-east-1", "eu-west-1"] },
      { key: "b", count: 1, firstSeen: "2026-11-23T09:00:00Z", lastSeen: "2026-11-23T09:00:00Z", regions: ["us-east-1"] },
    ]);
    expect(newestFirst(state.rows).map((row) => row.time)).toEqual(["2026-11-23T11:00:00Z", "2026-11-23T10:00:00Z", "2026-11-23T09:00:00Z", "2026-11-23T08:00:00Z"]);
    expect(rankGroups(state.groups).map((item) => item.key)).toEqual(["a", "b"]);
  });

  it("caps the table but not the counts", () => {
    const many = Array.from({ length: MAX_ROWS + 25 }, (_, index) => denial("a", `2026-11-23T00:00:${String(index % 60).padStart(2, "0")}Z`));
    const state = reduceLookup(reduceLookup(INITIAL_LOOKUP_STATE, [group("a")]), many);
    expect(state.rows).toHaveLength(MAX_ROWS);
    expect(state.rows[0]).toEqual(many.map((event) => (event.type === "denial" ? event.event : null))[0]);
    expect(state.hiddenRows).toBe(25);
    expect(state.groups[0]?.count).toBe(MAX_ROWS + 25);
  });

  it("keeps notices, the error and the final figures without mutating the previous state", () => {
    const before = reduceLookup(INITIAL_LOOKUP_STATE, [group("a")]);
    const after = reduceLookup(before, [
      { type: "notice", code: "lookup.unavailable", message: "Stopped reading eu-west-1." },
      { type: "error", code: "lookup.denied", message: "denied" },
      { type: "done", progress: { ...INITIAL_LOOKUP_STATE.progress, pagesRead: 3 }, partial: true, cancelled: false, seconds: 2 },
    ]);
    expect(after).toMatchObject({ notices: [{ code: "lookup.unavailable" }], error: { code: "lookup.denied" }, done: { partial: true }, progress: { pagesRead: 3 } });
    expect(before.notices).toEqual([]);
    expect(before.done).toBeNull();
  });
});
