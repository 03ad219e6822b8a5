import { afterEach, describe, expect, it, vi } from "vitest";

async function freshServerEnv() {
  vi.resetModules();
  return (await import("./env")).serverEnv;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("serverEnv", () => {
  it("follows a changed variable outside production", async () => {
    const serverEnv = await freshServerEnv();
    vi.stubEnv("WHYDENIED_DEMO", "on");
    expect(serverEnv().WHYDENIED_DEMO).toBe("on");
    vi.stubEnv("WHYDENIED_DEMO", "off");
    expect(serverEnv().WHYDENIED_DEMO).toBe("off");
  });

  it("reads a production server's variables once", async () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("WHYDENIED_DEMO", "on");
    const serverEnv = await freshServerEnv();
    expect(serverEnv().WHYDENIED_DEMO).toBe("on");
    vi.stubEnv("WHYDENIED_DEMO", "off");
    expect(serverEnv().WHYDENIED_DEMO).toBe("on");
  });

  it("parses another source on its own", async () => {
    vi.stubEnv("NODE_ENV", "production");
    const serverEnv = await freshServerEnv();
    expect(serverEnv({ NODE_ENV: "test", WHYDENIED_DEMO: "on" }).WHYDENIED_DEMO).toBe("on");
    expect(serverEnv({ NODE_ENV: "test", WHYDENIED_DEMO: "off" }).WHYDENIED_DEMO).toBe("off");
  });

  it("names the variable a bad value is in", async () => {
    const serverEnv = await freshServerEnv();
    expect(() => serverEnv({ NODE_ENV: "test", WHYDENIED_DEMO: "maybe" })).toThrow(/WHYDENIED_DEMO/);
  });
});
