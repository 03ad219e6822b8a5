import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { readTrail } from "../trail";
import { parseRoleTarget, type RoleTarget } from "./role";
import { loadCatalog } from "../catalog";
import { INITIAL_LOOKUP_STATE, reduceLookup } from "../run";
import type { LookupStreamEvent } from "../wire";
import { roleRecord } from "./testing/records";
import { VirtualClock } from "./testing/virtual-clock";
import { scanTrail } from "./trail-scan";

const records = [
  roleRecord({ role: "orders-api-role", session: "orders-api", id: "1", time: "2026-11-23T10:00:00Z" }),
  roleRecord({
    role: "orders-api-role",
    session: "orders-api",
    id: "2",
    time: "2026-11-23T10:01:00Z",
    eventName: "Encrypt",
    errorCode: null,
  }),
  roleRecord({ role: "billing-sync-role", session: "billing-sync", id: "3", time: "2026-11-23T10:02:00Z" }),
  roleRecord({ role: "orders-api-role", session: "orders-api", id: "4", time: "2026-11-23T10:03:00Z" }),
];

/** The bytes as an upload delivers them: one chunk per read, each after a turn of the event loop. */
async function* chunksOf(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < bytes.length; offset += size) {
    await Promise.resolve();
    yield bytes.subarray(offset, offset + size);
  }
}

async function scan(bytes: Uint8Array, target: RoleTarget | null) {
  const events: LookupStreamEvent[] = [];
  for await (const event of scanTrail(
    { batches: readTrail(chunksOf(bytes, 100), { keepSuccesses: true }), target, totalBytes: bytes.length },
    { clock: new VirtualClock(), catalog: loadCatalog },
  ))
    events.push(event);
  return { events, state: reduceLookup(INITIAL_LOOKUP_STATE, events) };
}

describe("scanTrail", () => {
  it("streams every denial of a gzip trail file, grouped, with progress by bytes", async () => {
    const file = gzipSync(JSON.stringify({ Records: records }));
    const { events, state } = await scan(file, null);
    expect(events[0]).toMatchObject({ type: "start", source: "upload", window: null });
    expect(state.done).toMatchObject({ partial: false, progress: { eventsScanned: 4, denialsFound: 3, fraction: 1 } });
    expect(state.groups).toHaveLength(1);
    expect(state.groups[0]).toMatchObject({ layer: "kms-key-policy", count: 3 });
    expect(state.rows.map((row) => row.id)).toEqual(["1", "3", "4"]);
  });

  it("keeps one role's denials when asked", async () => {
    const target = (
      parseRoleTarget("arn:aws:iam::123456789012:role/orders-api-role") as { ok: true; value: RoleTarget }
    ).value;
    const { state } = await scan(
      new TextEncoder().encode(records.map((record) => JSON.stringify(record)).join("\n")),
      target,
    );
    expect(state.rows.map((row) => row.id)).toEqual(["1", "4"]);
  });

  describe("denials resolved by retry", () => {
    const call = { role: "orders-api-role", session: "orders-api" };
    const jsonLines = (lines: object[]) =>
      new TextEncoder().encode(lines.map((line) => JSON.stringify(line)).join("\n"));
    const transientOf = (state: Awaited<ReturnType<typeof scan>>["state"]) =>
      state.groups.filter((group) => group.transient && group.count > 0);
    const lasting = (state: Awaited<ReturnType<typeof scan>>["state"]) =>
      state.groups.filter((group) => !group.transient && group.count > 0);

    it("moves a denial to its own group when the same call succeeds later in the file, within the window", async () => {
      const { state } = await scan(
        jsonLines([
          roleRecord({ ...call, id: "1", time: "2026-11-23T10:00:00Z" }),
          roleRecord({ ...call, id: "2", time: "2026-11-23T10:00:30Z" }),
          roleRecord({ ...call, id: "3", time: "2026-11-23T10:04:00Z", errorCode: null }),
          roleRecord({ ...call, id: "4", time: "2026-11-23T10:20:00Z" }),
        ]),
        null,
      );
      expect(transientOf(state)).toMatchObject([{ count: 2, layer: "kms-key-policy", transient: { cause: "retry" } }]);
      expect(transientOf(state)[0]?.transient?.explanation).toMatch(/within 5 minutes/);
      expect(lasting(state)).toMatchObject([{ count: 1 }]);
      expect(state.done?.progress.denialsFound).toBe(3);
    });

    it("marks it at once when the success came earlier in the file but later in time", async () => {
      const { events, state } = await scan(
        jsonLines([
          roleRecord({ ...call, id: "ok", time: "2026-11-23T10:02:00Z", errorCode: null }),
          roleRecord({ ...call, id: "1", time: "2026-11-23T10:01:00Z" }),
        ]),
        null,
      );
      expect(events.filter((event) => event.type === "group")).toHaveLength(1);
      expect(transientOf(state)).toMatchObject([{ count: 1 }]);
    });

    it.each([
      ["a success after the window", { id: "ok", time: "2026-11-23T10:05:01Z", errorCode: null }],
      ["a success before the denial", { id: "ok", time: "2026-11-23T09:59:59Z", errorCode: null }],
      ["another caller's success", { id: "ok", time: "2026-11-23T10:01:00Z", errorCode: null, session: "other" }],
      [
        "another operation's success",
        { id: "ok", time: "2026-11-23T10:01:00Z", errorCode: null, eventName: "Encrypt" },
      ],
      [
        "a success on another resource",
        {
          id: "ok",
          time: "2026-11-23T10:01:00Z",
          errorCode: null,
          requestParameters: { keyId: "arn:aws:kms:us-east-1:123456789012:key/k-2" },
        },
      ],
    ])("keeps the denial to fix with %s", async (_, success) => {
      const { state } = await scan(
        jsonLines([
          roleRecord({ ...call, id: "1", time: "2026-11-23T10:00:00Z" }),
          roleRecord({ ...call, ...success }),
        ]),
        null,
      );
      expect(transientOf(state)).toEqual([]);
      expect(lasting(state)).toMatchObject([{ count: 1 }]);
    });

    it("explains a burst of refused AssumeRole calls that succeed moments later as IAM eventual consistency", async () => {
      const assume = (id: string, time: string, errorCode?: null) =>
        roleRecord({
          role: "deployer",
          session: "ci",
          id,
          time,
          eventSource: "sts.amazonaws.com",
          eventName: "AssumeRole",
          requestParameters: { roleArn: "arn:aws:iam::123456789012:role/new-role", roleSessionName: "ci" },
          errorMessage:
            "User: arn:aws:sts::123456789012:assumed-role/deployer/ci is not authorized to perform: sts:AssumeRole " +
            "on resource: arn:aws:iam::123456789012:role/new-role",
          ...(errorCode === null ? { errorCode } : {}),
        });
      const { state } = await scan(
        jsonLines([
          assume("1", "2026-11-23T10:00:00Z"),
          assume("2", "2026-11-23T10:00:02Z"),
          assume("3", "2026-11-23T10:00:05Z"),
          assume("4", "2026-11-23T10:00:09Z", null),
        ]),
        null,
      );
      expect(lasting(state)).toEqual([]);
      expect(transientOf(state)).toMatchObject([
        { count: 3, action: "sts:AssumeRole", transient: { cause: "iam-propagation" } },
      ]);
      expect(transientOf(state)[0]?.transient?.explanation).toMatch(
        /a new role or policy takes a few seconds to apply everywhere/,
      );
    });
  });

  it("explains a file that is not CloudTrail, before any progress", async () => {
    const { events } = await scan(new TextEncoder().encode("<html><body>not a trail</body></html>"), null);
    expect(events.map((event) => event.type)).toEqual(["start", "error", "done"]);
    expect(events[1]).toMatchObject({ type: "error", code: "trail.unrecognized" });
  });

  it("counts skipped records in a notice", async () => {
    const lines = [
      JSON.stringify(records[0]),
      '{"errorCode": "AccessDenied", "broken',
      JSON.stringify(records[3]),
    ].join("\n");
    const { state } = await scan(new TextEncoder().encode(lines), null);
    expect(state.rows).toHaveLength(2);
    expect(state.notices[0]?.message).toMatch(/^Skipped 1 record /);
  });
});
