import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { demoOptionsOf } from "./main";

describe("npm run demo:portal's command line", () => {
  it("signs in alice of platform and developers on port 3000 with the example configuration by default", () => {
    expect(demoOptionsOf([])).toEqual({
      ok: true,
      value: {
        who: { user: "alice@example.com", groups: ["platform", "developers"] },
        config: resolve("portal.example.yaml"),
        port: 3000,
      },
    });
  });

  it("takes the user, groups, configuration and port it is given", () => {
    const parsed = demoOptionsOf([
      "--user",
      "bob",
      "--groups",
      " developers , ,qa",
      "--config",
      "team.yaml",
      "--port",
      "3100",
    ]);
    expect(parsed).toEqual({
      ok: true,
      value: { who: { user: "bob", groups: ["developers", "qa"] }, config: resolve("team.yaml"), port: 3100 },
    });
  });

  it("answers --help with nothing to run", () => {
    expect(demoOptionsOf(["-h"])).toEqual({ ok: true, value: null });
  });

  it.each([
    [["--port", "web"], /--port needs a port number/],
    [["--user", "a user"], /--user needs 2 to 64 letters/],
    [["--verbose"], /Unknown option '--verbose'/],
  ])("refuses %j", (argv, message) => {
    const parsed = demoOptionsOf(argv);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.message).toMatch(message);
  });
});
