import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

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
});
