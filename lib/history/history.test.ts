import { describe, expect, it } from "vitest";
import { diagnose } from "../catalog";
import { historyQuerySchema, type Finding, type Layer } from "../wire";
import {
  auditJsonLines,
  MAX_RUN_ACTIONS,
  MAX_RUN_ROLES,
  runEntryOf,
  runFilterOf,
  searchTermsOf,
  type AuditEntry,
  type AuditRange,
  type RowCursor,
} from ".";

const NOW = new Date("2026-12-01T12:00:00.000Z");
const CONTEXT = { id: "run-1", at: NOW, user: "alice@example.com", account: { id: "111111111111", name: "sandbox" } };

async function findingsOf(text: string): Promise<Finding[]> {
  const diagnosis = await diagnose(text);
  if (!diagnosis.ok) throw new Error(diagnosis.error.message);
  return diagnosis.value.findings;
}

const denial = (role: string, action: string) =>
  `User: arn:aws:sts::111111111111:assumed-role/${role}/session is not authorized to perform: ${action} on resource: ` +
  `arn:aws:s3:::bucket because no identity-based policy allows the ${action} action`;

describe("runEntryOf", () => {
  it("records a diagnosis's roles (the session's role), actions and layers, and how many findings", async () => {
    const findings = await findingsOf(`${denial("app", "s3:GetObject")}\n${denial("etl", "s3:PutObject")}`);
    expect(runEntryOf({ findings }, { ...CONTEXT, kind: "diagnose" })).toEqual({
      ...CONTEXT,
      kind: "diagnose",
      roles: ["arn:aws:iam::111111111111:role/app", "arn:aws:iam::111111111111:role/etl"],
      actions: ["s3:GetObject", "s3:PutObject"],
      layers: ["execution-role"],
      findingCount: 2,
      snapshotId: null,
    });
  });

  it("puts a lookup's own role first and reads the groups past the diagnosed ones by their action and layer", async () => {
    const [finding] = await findingsOf(denial("app", "s3:GetObject"));
    const entry = runEntryOf(
      {
        groups: [
          { layer: "execution-role", action: "s3:GetObject", finding: finding ?? null },
          { layer: "kms-key-policy", action: "kms:Decrypt", finding: null },
          { layer: "scp", action: null, finding: null },
        ],
      },
      { ...CONTEXT, kind: "lookup", roleArn: "arn:aws:iam::111111111111:role/lookup-target", snapshotId: "snap" },
    );
    expect(entry).toMatchObject({
      roles: ["arn:aws:iam::111111111111:role/lookup-target", "arn:aws:iam::111111111111:role/app"],
      actions: ["s3:GetObject", "kms:Decrypt"],
      layers: ["execution-role", "kms-key-policy", "scp"],
      findingCount: 3,
      snapshotId: "snap",
    });
  });

  it("keeps at most the first roles and actions, and leaves out values too long to be one", async () => {
    const [finding] = await findingsOf(denial("app", "s3:GetObject"));
    if (!finding) throw new Error("no finding");
    const groups: { layer: Layer; action: string; finding: Finding }[] = Array.from({ length: 80 }, (_, index) => ({
      layer: "execution-role",
      action: `s3:Action${index}`,
      finding: { ...finding, principal: `arn:aws:sts::111111111111:assumed-role/role-${index}/session` },
    }));
    groups.push({ layer: "execution-role", action: `s3:${"x".repeat(300)}`, finding });
    const entry = runEntryOf(
      { groups },
      { ...CONTEXT, kind: "trail", roleArn: `arn:aws:iam::1:role/${"r".repeat(3000)}` },
    );
    expect(entry.actions).toHaveLength(MAX_RUN_ACTIONS);
    expect(entry.actions[0]).toBe("s3:Action0");
    expect(entry.roles).toHaveLength(MAX_RUN_ROLES);
    expect(entry.roles[0]).toBe("arn:aws:iam::111111111111:role/role-0");
    expect(entry.findingCount).toBe(81);
  });
});

describe("the search's terms and filter", () => {
  it("spells a run's terms as the filter does: role ARN and name, action and service, layer", () => {
    expect(
      searchTermsOf({
        roles: ["arn:aws:iam::111111111111:role/team/App"],
        actions: ["S3:GetObject"],
        layers: ["scp"],
      }),
    ).toEqual([
      "role:arn:aws:iam::111111111111:role/team/app",
      "role:app",
      "action:s3:getobject",
      "action:s3",
      "layer:scp",
    ]);
    const filter = runFilterOf(historyQuerySchema.parse({ role: "App", action: "s3", layer: "scp", user: "A@B" }), []);
    expect(filter).toMatchObject({ terms: ["role:app", "action:s3", "layer:scp"], user: "a@b" });
  });

  it("reads the visible accounts and runs without one, or only the named visible account", () => {
    const visible = [
      { accountId: "111111111111", name: "sandbox" },
      { accountId: "222222222222", name: "Production" },
    ];
    const scope = (account?: string) => {
      const { accountIds, includeNoAccount } = runFilterOf(historyQuerySchema.parse({ account }), visible);
      return { accountIds, includeNoAccount };
    };
    expect(scope()).toEqual({ accountIds: ["111111111111", "222222222222"], includeNoAccount: true });
    expect(scope("production")).toEqual({ accountIds: ["222222222222"], includeNoAccount: false });
    expect(scope("333333333333")).toEqual({ accountIds: [], includeNoAccount: false });
  });

  it("refuses query values it does not know", () => {
    expect(historyQuerySchema.safeParse({ layer: "firewall" }).success).toBe(false);
    expect(historyQuerySchema.safeParse({ limit: "500" }).success).toBe(false);
    expect(historyQuerySchema.parse({ limit: "7", role: "  " })).toMatchObject({ limit: 7, role: null });
  });
});

describe("auditJsonLines", () => {
  it("fetches the next page only when the reader has taken the last one", async () => {
    const entries: AuditEntry[] = Array.from({ length: 25 }, (_, index) => ({
      id: `a${String(index).padStart(2, "0")}`,
      at: new Date(NOW.getTime() + index),
      user: "alice@example.com",
      accountId: "111111111111",
      roleArn: "arn:aws:iam::111111111111:role/reader",
      sessionName: "alice@example.com",
      purpose: "lookup",
      outcome: "ok",
    }));
    const asked: (string | null)[] = [];
    const store = {
      auditPage: (_: AuditRange, cursor: RowCursor | null, limit: number) => {
        asked.push(cursor?.id ?? null);
        const start = cursor ? entries.findIndex((entry) => entry.id === cursor.id) + 1 : 0;
        return Promise.resolve(entries.slice(start, start + limit));
      },
    };
    const reader = auditJsonLines(store, { from: null, to: null }, 10).getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value).split("\n")).toHaveLength(11);
    expect(asked).toEqual([null]);
    await reader.read();
    await reader.read();
    expect(asked).toEqual([null, "a09", "a19"]);
    expect((await reader.read()).done).toBe(true);
  });

  it("errors the stream when a page cannot be read, so a cut download never looks complete", async () => {
    const store = { auditPage: () => Promise.reject(new Error("connection reset")) };
    await expect(new Response(auditJsonLines(store, { from: null, to: null })).text()).rejects.toThrow(
      "connection reset",
    );
  });
});
