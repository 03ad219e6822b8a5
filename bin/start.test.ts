import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { describe, expect, it } from "vitest";
import { openStore } from "../lib/store";
import { embeddedTestStore } from "../lib/store/testing/stores";

const start = fileURLToPath(new URL("./start.mjs", import.meta.url));

describe("npm start (bin/start.mjs)", () => {
  it("refuses a bad setting before building, naming the variable and what it accepts", () => {
    const run = spawnSync(process.execPath, [start], {
      env: { ...process.env, WHYDENIED_LOOKUP_RATE: "fast", NEXT_TELEMETRY_DISABLED: "1" },
      encoding: "utf8",
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('WHYDENIED_LOOKUP_RATE is "fast": it must be a number above 0 and at most 2');
    expect(run.stdout).not.toContain("next build");
  });

  it("stops before building when the database cannot be reached, saying which", () => {
    const run = spawnSync(process.execPath, [start], {
      env: { ...process.env, DATABASE_URL: "postgres://whydenied@127.0.0.1:1/whydenied", NEXT_TELEMETRY_DISABLED: "1" },
      encoding: "utf8",
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("whydenied cannot start: Cannot reach the PostgreSQL server at 127.0.0.1:1/whydenied");
    expect(run.stdout).not.toContain("next build");
  });

  it("stops before building when the database is at a newer schema than the code", { timeout: 90_000 }, async () => {
    const test = embeddedTestStore();
    if (test.config.kind !== "embedded") throw new Error("expected an embedded store");
    const store = await openStore(test.config);
    if (store.ok) await store.value.close();
    const database = await PGlite.create(test.config.dataDir);
    await database.exec("insert into kysely_migration (name, timestamp) values ('9999-later', '2030-01-01T00:00:00Z')");
    await database.close();
    const run = spawnSync(process.execPath, [start], {
      env: { ...process.env, WHYDENIED_DATA_DIR: test.config.dataDir, NEXT_TELEMETRY_DISABLED: "1" },
      encoding: "utf8",
    });
    test.dispose();
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/whydenied cannot start: the embedded database in .* is at a newer schema .*9999-later/);
    expect(run.stdout).not.toContain("next build");
  });
});
