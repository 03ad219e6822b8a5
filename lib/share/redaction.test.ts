import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diagnose } from "../catalog";
import { systemRandom } from "../snapshot";
import { openStore, type Store } from "../store";
import { embeddedTestStore, postgresTestStore, rawSnapshotRow, type TestStore } from "../store/testing/stores";
import { createDenialCollector } from "../lookup/denials";
import { roleRecord } from "../lookup/testing/records";
import { isDenialRecord } from "../parse";
import { isSuccessRecord } from "../lookup/filter";
import { loadCatalog } from "../catalog";
import type { DeniedEvent, SnapshotGroup } from "../wire";
import { createRedactor } from "../redact";
import { createSnapshot, type SharingDeps } from "./snapshots";

const ACCOUNT = "123456789012";
const OTHER_ACCOUNT = "444455556666";
/** The names the denial holds: none may be stored once redaction is asked for. */
const NAMES = [ACCOUNT, OTHER_ACCOUNT, "orders-api-role", "orders-api", "Orders", "invoices-archive"];

const DENIAL =
  `User: arn:aws:sts::${ACCOUNT}:assumed-role/orders-api-role/orders-api is not authorized to perform: ` +
  `dynamodb:PutItem on resource: arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/Orders because no identity-based ` +
  `policy allows the dynamodb:PutItem action\n` +
  `User: arn:aws:sts::${ACCOUNT}:assumed-role/orders-api-role/orders-api is not authorized to perform: ` +
  `s3:GetObject on resource: arn:aws:s3:::invoices-archive/2026/11.csv because no resource-based policy allows the ` +
  `s3:GetObject action (bucket owner ${OTHER_ACCOUNT})`;

/** A lookup's content as the real pipeline makes it: the collector's groups, tallies and rows for two denials. */
async function lookupContent(): Promise<{ groups: SnapshotGroup[]; events: DeniedEvent[] }> {
  const collector = createDenialCollector({
    select: isDenialRecord,
    succeeded: isSuccessRecord,
    linkToConsole: true,
    catalog: loadCatalog,
  });
  const role = `arn:aws:sts::${ACCOUNT}:assumed-role/orders-api-role/orders-api`;
  const streamed = await collector.add([
    roleRecord({
      role: "orders-api-role",
      session: "orders-api",
      id: "e-1",
      time: "2026-11-30T10:00:00Z",
      eventSource: "dynamodb.amazonaws.com",
      eventName: "PutItem",
      errorMessage:
        `User: ${role} is not authorized to perform: dynamodb:PutItem on resource: ` +
        `arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/Orders because no identity-based policy allows the dynamodb:PutItem action`,
    }),
    roleRecord({
      role: "orders-api-role",
      session: "orders-api",
      id: "e-2",
      time: "2026-11-30T11:00:00Z",
      eventSource: "s3.amazonaws.com",
      eventName: "GetObject",
      errorMessage:
        `User: ${role} is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::invoices-archive/2026/11.csv" ` +
        `because no resource-based policy allows the s3:GetObject action`,
    }),
  ]);
  const counts = collector.takeCounts();
  const tallies = new Map((counts?.type === "counts" ? counts.counts : []).map((count) => [count.key, count]));
  const groups = streamed.flatMap((event) => {
    if (event.type !== "group") return [];
    return [{ ...tallies.get(event.group.key)!, ...event.group }];
  });
  return { groups, events: streamed.flatMap((event) => (event.type === "denial" ? [event.event] : [])) };
}

describe.each([
  ["embedded (PGlite)", () => Promise.resolve(embeddedTestStore())],
  ["PostgreSQL", postgresTestStore],
])("redaction in what is stored, on %s", (_, makeStore) => {
  let test: TestStore;
  let store: Store;
  let deps: SharingDeps;

  beforeAll(async () => {
    test = await makeStore();
    const opened = await openStore(test.config);
    if (!opened.ok) throw new Error(opened.error.message);
    store = opened.value;
    deps = {
      store: store.snapshots,
      now: () => new Date("2026-12-01T12:00:00Z"),
      random: systemRandom,
      diagnose,
      newRedactor: createRedactor,
    };
  }, 60_000);

  afterAll(() => test?.dispose());

  it("leaves no account id or name in the stored row of a paste or of a lookup", { timeout: 120_000 }, async () => {
    const paste = await createSnapshot({ kind: "paste", text: DENIAL, expiry: "30d", redact: true }, deps);
    const { groups, events } = await lookupContent();
    expect(groups.map((group) => group.finding?.layer)).toEqual(["execution-role", "resource-policy"]);
    const lookup = await createSnapshot({ kind: "lookup", groups, events, expiry: "30d", redact: true }, deps);
    const plainLookup = await createSnapshot({ kind: "lookup", groups, events, expiry: "30d", redact: false }, deps);
    const plain = await createSnapshot({ kind: "paste", text: DENIAL, expiry: "30d", redact: false }, deps);
    if (!paste.ok || !lookup.ok || !plain.ok || !plainLookup.ok) throw new Error("a snapshot was refused");
    await store.close();

    for (const id of [plain.value.created.id, plainLookup.value.created.id]) {
      const row = (await rawSnapshotRow(test.config, id)) ?? "";
      expect(NAMES.filter((name) => name !== OTHER_ACCOUNT && !row.includes(name))).toEqual([]);
    }
    for (const id of [paste.value.created.id, lookup.value.created.id]) {
      const row = (await rawSnapshotRow(test.config, id)) ?? "";
      expect(row).toContain('"redacted":true');
      expect(NAMES.filter((name) => row.includes(name))).toEqual([]);
    }
    const pasteRow = JSON.parse((await rawSnapshotRow(test.config, paste.value.created.id)) ?? "{}") as {
      content: { diagnosis: { findings: { action: string; layer: string }[] } };
    };
    expect(pasteRow.content.diagnosis.findings.map((finding) => [finding.action, finding.layer])).toEqual([
      ["dynamodb:PutItem", "execution-role"],
      ["s3:GetObject", "resource-policy"],
    ]);
    const lookupRow = JSON.parse((await rawSnapshotRow(test.config, lookup.value.created.id)) ?? "{}") as {
      content: { groups: SnapshotGroup[]; events: DeniedEvent[] };
    };
    expect(lookupRow.content.groups.map((group) => [group.finding?.action, group.finding?.layer, group.count])).toEqual(
      [
        ["dynamodb:PutItem", "execution-role", 1],
        ["s3:GetObject", "resource-policy", 1],
      ],
    );
    expect(lookupRow.content.events.map((event) => event.groupKey)).toEqual(
      lookupRow.content.groups.map((group) => group.key),
    );
  });
});
