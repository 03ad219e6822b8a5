import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import {
  accountNamedByArn,
  accountsVisibleTo,
  isPortalAdmin,
  loadPortalConfig,
  parsePortalConfig,
  type PortalConfig,
} from "./index";

const EXAMPLE = new URL("../../../portal.example.yaml", import.meta.url);

const account = (overrides: Record<string, unknown> = {}) => ({
  name: "sandbox",
  accountId: "111111111111",
  roleArn: "arn:aws:iam::111111111111:role/whydenied-reader",
  regions: ["us-east-1"],
  groups: ["*"],
  ...overrides,
});

function configOf(text: string): PortalConfig {
  const parsed = parsePortalConfig(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

function problemsOf(document: unknown): string[] {
  const parsed = parsePortalConfig(JSON.stringify(document));
  return parsed.ok ? [] : parsed.error.message.split("\n");
}

describe("the portal configuration", () => {
  it("reads the documented example file, filling the session duration default", async () => {
    const loaded = await loadPortalConfig(EXAMPLE.pathname, (path) => readFile(path, "utf8"));
    if (!loaded.ok) throw new Error(loaded.error.message);
    expect(loaded.value.accounts.map((entry) => [entry.name, entry.sessionDurationSeconds, entry.externalId])).toEqual([
      ["sandbox", 3600, undefined],
      ["production", 1800, "whydenied-prod-4c1f"],
    ]);
    expect(loaded.value.admins).toEqual(["platform"]);
  });

  it("reads the same fields written as JSON", () => {
    expect(configOf(JSON.stringify({ accounts: [account()] })).accounts[0]).toMatchObject({
      accountId: "111111111111",
    });
  });

  it.each([
    [
      { accounts: [account(), account({ name: "prod", roleArn: "arn:aws:iam::1:role/x" })] },
      "accounts[1].roleArn: must be an IAM role ARN",
    ],
    [{ accounts: [account({ accountId: 111111111111 })] }, "accounts[0].accountId: "],
    [
      { accounts: [account({ accountId: "222222222222" })] },
      "accounts[0].roleArn: names account 111111111111, not the account's id 222222222222",
    ],
    [
      { accounts: [account({ sessionDurationSeconds: 60 })] },
      "accounts[0].sessionDurationSeconds: must be at least 900",
    ],
    [{ accounts: [account({ regions: ["Ireland"] })] }, "accounts[0].regions[0]: must be a Region code"],
    [{ accounts: [account({ groups: [] })] }, 'accounts[0].groups: must list at least one group (or "*")'],
    [{ accounts: [account({ externalId: "x" })] }, "accounts[0].externalId: must be 2–1224"],
    [{ accounts: [account({ roleARN: "x" })] }, "accounts[0].roleARN: is not a known field"],
    [{ accounts: [account({ name: undefined })] }, "accounts[0].name: is required"],
    [{ accounts: [] }, "accounts: must list at least one account"],
    [{ accounts: [account()], admins: ["ok", " "] }, "admins[1]: must not be empty"],
    [
      {
        accounts: [
          account(),
          account({ name: "Sandbox", accountId: "222222222222", roleArn: "arn:aws:iam::222222222222:role/r" }),
        ],
      },
      "accounts[1].name: repeats accounts[0].name",
    ],
  ])("refuses a bad field, naming it by its path (%#)", (document, expected) => {
    expect(problemsOf(document).some((line) => line.startsWith(expected))).toBe(true);
  });

  it("names every problem, one a line", () => {
    expect(problemsOf({ accounts: [account({ accountId: "1", regions: [] })] })).toHaveLength(3);
  });

  it("says a file that is not YAML cannot be read, and names the file", async () => {
    expect(parsePortalConfig("accounts: [").ok ? null : "refused").toBe("refused");
    const loaded = await loadPortalConfig("/etc/whydenied.yaml", () =>
      Promise.resolve("accounts:\n  - name: a\n  name: b\n"),
    );
    expect(loaded.ok ? "" : loaded.error.message).toContain("/etc/whydenied.yaml");
    const missing = await loadPortalConfig("/nope.yaml", () => Promise.reject(new Error("ENOENT")));
    expect(missing).toEqual({
      ok: false,
      error: { code: "config.unreadable", message: "/nope.yaml cannot be read: ENOENT" },
    });
  });
});

describe("who sees which account", () => {
  const config = configOf(
    JSON.stringify({
      accounts: [
        account({ name: "everyone" }),
        account({
          name: "prod",
          accountId: "222222222222",
          roleArn: "arn:aws:iam::222222222222:role/r",
          groups: ["sre", "platform"],
        }),
        account({
          name: "billing",
          accountId: "333333333333",
          roleArn: "arn:aws:iam::333333333333:role/r",
          groups: ["finance"],
        }),
      ],
    }),
  );
  const names = (groups: string[]) => accountsVisibleTo(config, groups).map((entry) => entry.name);

  it("shows the accounts that name one of the user's groups, and every '*' account", () => {
    expect(names([])).toEqual(["everyone"]);
    expect(names(["sre"])).toEqual(["everyone", "prod"]);
    expect(names(["finance", "platform"])).toEqual(["everyone", "prod", "billing"]);
  });

  it("finds the account an ARN in a pasted error names, among those the user may see", () => {
    const visible = accountsVisibleTo(config, ["sre"]);
    expect(accountNamedByArn(visible, "arn:aws:sts::222222222222:assumed-role/app/session")?.name).toBe("prod");
    expect(accountNamedByArn(visible, "arn:aws:iam::333333333333:role/x")).toBeNull();
    expect(accountNamedByArn(visible, "arn:aws:s3:::bucket/key")).toBeNull();
    expect(accountNamedByArn(visible, null)).toBeNull();
  });
});

describe("who may export the audit log", () => {
  it("is a member of a configured admin group; nobody when the file names none", () => {
    const withAdmins = configOf(JSON.stringify({ accounts: [account()], admins: ["platform", "security"] }));
    expect(isPortalAdmin(withAdmins, ["dev", "security"])).toBe(true);
    expect(isPortalAdmin(withAdmins, ["dev"])).toBe(false);
    const without = configOf(JSON.stringify({ accounts: [account()] }));
    expect(without.admins).toEqual([]);
    expect(isPortalAdmin(without, ["platform"])).toBe(false);
    // "*" is no wildcard here: the audit log names every user, so its readers are named groups only.
    expect(isPortalAdmin(configOf(JSON.stringify({ accounts: [account()], admins: ["*"] })), ["dev"])).toBe(false);
  });
});
