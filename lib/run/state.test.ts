import { describe, expect, it } from "vitest";
import type { DeniedEvent, Finding, LookupStreamEvent } from "../wire";
import { hiddenRows, INITIAL_LOOKUP_STATE, newestFirst, rankGroups, reduceLookup, splitResolved } from "./state";

const finding = { id: "group-1" } as Finding;
const group = (key: string): LookupStreamEvent => ({
  type: "group",
  group: { key, layer: "execution-role", action: "s3:GetObject", resource: null, finding, sample: null },
});
const denial = (groupKey: string, time: string): LookupStreamEvent => ({
  type: "denial",
  event: {
    id: time,
    time,
    region: "us-east-1",
    source: "s3.amazonaws.com",
    name: "GetBucketPolicy",
    principal: null,
    errorCode: "AccessDenied",
    groupKey,
    consoleUrl: null,
  } satisfies DeniedEvent,
});
const counts = (key: string, count: number, lastSeen: string): LookupStreamEvent => ({
  type: "counts",
  counts: [{ key, count, firstSeen: "2026-11-23T08:00:00Z", lastSeen, regions: ["us-east-1"] }],
});

describe("reduceLookup", () => {
  it("takes each group's tally from the server and keeps rows in arrival order", () => {
    const state = reduceLookup(INITIAL_LOOKUP_STATE, [
      group("a"),
      denial("a", "2026-11-23T10:00:00Z"),
      group("b"),
      denial("b", "2026-11-23T09:00:00Z"),
      counts("a", 1, "2026-11-23T10:00:00Z"),
      counts("b", 1, "2026-11-23T09:00:00Z"),
    ]);
    const later = reduceLookup(state, [denial("a", "2026-11-23T11:00:00Z"), counts("a", 3, "2026-11-23T11:00:00Z")]);
    expect(later.groups.map(({ key, count, lastSeen }) => ({ key, count, lastSeen }))).toEqual([
      { key: "a", count: 3, lastSeen: "2026-11-23T11:00:00Z" },
      { key: "b", count: 1, lastSeen: "2026-11-23T09:00:00Z" },
    ]);
    expect(state.groups[0]?.count).toBe(1);
    expect(later.rows.map((row) => row.time)).toEqual([
      "2026-11-23T10:00:00Z",
      "2026-11-23T09:00:00Z",
      "2026-11-23T11:00:00Z",
    ]);
    expect(newestFirst(later.rows).map((row) => row.time)).toEqual([
      "2026-11-23T11:00:00Z",
      "2026-11-23T10:00:00Z",
      "2026-11-23T09:00:00Z",
    ]);
    expect(rankGroups(later.groups).map((item) => item.key)).toEqual(["a", "b"]);
  });

  it("says how many denials the table leaves out", () => {
    const state = reduceLookup(INITIAL_LOOKUP_STATE, [
      group("a"),
      denial("a", "t1"),
      { type: "progress", progress: { ...INITIAL_LOOKUP_STATE.progress, denialsFound: 26 } },
    ]);
    expect(hiddenRows(state)).toBe(25);
  });

  it("keeps notices, the error and the final figures without mutating the previous state", () => {
    const before = reduceLookup(INITIAL_LOOKUP_STATE, [group("a")]);
    const after = reduceLookup(before, [
      { type: "notice", code: "lookup.unavailable", message: "Stopped reading eu-west-1." },
      { type: "error", code: "lookup.denied", message: "denied" },
      {
        type: "done",
        progress: { ...INITIAL_LOOKUP_STATE.progress, pagesRead: 3 },
        partial: true,
        cancelled: false,
        seconds: 2,
      },
    ]);
    expect(after).toMatchObject({
      notices: [{ code: "lookup.unavailable" }],
      error: { code: "lookup.denied" },
      done: { partial: true },
      progress: { pagesRead: 3 },
    });
    expect(before.notices).toEqual([]);
    expect(before.done).toBeNull();
  });

  it("lists the groups a retry resolved apart, and drops a group whose denials all moved there", () => {
    const retried: LookupStreamEvent = {
      type: "group",
      group: {
        key: "retry a",
        layer: "execution-role",
        action: "s3:GetObject",
        resource: null,
        finding,
        sample: null,
        transient: { cause: "retry", explanation: "A retry resolved it." },
      },
    };
    const state = reduceLookup(INITIAL_LOOKUP_STATE, [
      group("a"),
      group("b"),
      retried,
      counts("a", 0, "2026-11-23T10:00:00Z"),
      counts("b", 2, "2026-11-23T10:00:00Z"),
      counts("retry a", 1, "2026-11-23T10:00:00Z"),
    ]);
    const { toFix, resolvedByRetry } = splitResolved(state.groups);
    expect(toFix.map((item) => item.key)).toEqual(["b"]);
    expect(resolvedByRetry.map((item) => [item.key, item.transient?.cause])).toEqual([["retry a", "retry"]]);
  });
});
