import { describe, expect, it } from "vitest";
import { parseEnv } from "./env-schema";

describe("parseEnv", () => {
  it("fills the defaults, and counts an empty variable as unset", () => {
    const defaults = {
      WHYDENIED_DEMO: "on",
      WHYDENIED_LOOKUP_RATE: 2,
      WHYDENIED_MAX_UPLOAD_MIB: 2048,
      WHYDENIED_ALLOWED_HOSTS: ["localhost", "127.0.0.1", "[::1]"],
      WHYDENIED_HSTS: "off",
      WHYDENIED_TRUSTED_PROXIES: 0,
      WHYDENIED_AUTH: "off",
      WHYDENIED_GROUPS_CLAIM: "groups",
      WHYDENIED_DATA_DIR: "./data",
    };
    expect(parseEnv({})).toEqual({ ok: true, value: defaults });
    expect(
      parseEnv({ WHYDENIED_LOOKUP_RATE: "", WHYDENIED_DEMO: "", WHYDENIED_CLOUDTRAIL_ENDPOINT: "", AWS_REGION: "" }),
    ).toEqual({ ok: true, value: defaults });
  });

  it("reads the values it is given", () => {
    expect(
      parseEnv({
        WHYDENIED_LOOKUP_RATE: "0.5",
        WHYDENIED_MAX_UPLOAD_MIB: "10",
        WHYDENIED_DEMO: "off",
        WHYDENIED_CLOUDTRAIL_ENDPOINT: "http://127.0.0.1:4599",
        WHYDENIED_ALLOWED_HOSTS: "whydenied.internal, Localhost",
        WHYDENIED_HSTS: "on",
        WHYDENIED_TRUSTED_PROXIES: "1",
        WHYDENIED_DATA_DIR: "/var/lib/whydenied",
        DATABASE_URL: "postgres://whydenied@127.0.0.1:5432/whydenied",
        AWS_REGION: "eu-west-1",
      }),
    ).toEqual({
      ok: true,
      value: {
        WHYDENIED_LOOKUP_RATE: 0.5,
        WHYDENIED_MAX_UPLOAD_MIB: 10,
        WHYDENIED_DEMO: "off",
        WHYDENIED_CLOUDTRAIL_ENDPOINT: "http://127.0.0.1:4599",
        WHYDENIED_ALLOWED_HOSTS: ["whydenied.internal", "localhost"],
        WHYDENIED_HSTS: "on",
        WHYDENIED_TRUSTED_PROXIES: 1,
        WHYDENIED_DATA_DIR: "/var/lib/whydenied",
        DATABASE_URL: "postgres://whydenied@127.0.0.1:5432/whydenied",
        AWS_REGION: "eu-west-1",
        WHYDENIED_AUTH: "off",
        WHYDENIED_GROUPS_CLAIM: "groups",
      },
    });
  });

  it("reads a portal behind an ALB", () => {
    const alb = "arn:aws:elasticloadbalancing:eu-west-1:222222222222:loadbalancer/app/whydenied/50dc6c495c0c9188";
    expect(
      parseEnv({
        WHYDENIED_AUTH: "proxy",
        WHYDENIED_PROXY: "alb",
        WHYDENIED_ALB_ARN: alb,
        WHYDENIED_ALB_ISSUER: "https://idp.example.com",
        WHYDENIED_ALB_CLIENT_ID: "whydenied",
        WHYDENIED_ALB_KEY_ENDPOINT: "http://127.0.0.1:4600",
        WHYDENIED_GROUPS_CLAIM: "cognito:groups",
        WHYDENIED_CONFIG: "/etc/whydenied/portal.yaml",
        WHYDENIED_STS_ENDPOINT: "http://127.0.0.1:4599",
        WHYDENIED_TOOLBOX_ENDPOINT: "http://127.0.0.1:4599",
      }),
    ).toMatchObject({
      ok: true,
      value: {
        WHYDENIED_AUTH: "proxy",
        WHYDENIED_PROXY: "alb",
        WHYDENIED_ALB_ARN: alb,
        WHYDENIED_GROUPS_CLAIM: "cognito:groups",
      },
    });
  });

  it.each([
    [{ WHYDENIED_AUTH: "on" }, 'WHYDENIED_AUTH is "on": it must be "off" or "proxy"'],
    [{ WHYDENIED_AUTH: "proxy" }, 'WHYDENIED_PROXY is "": it must name the proxy when WHYDENIED_AUTH is "proxy"'],
    [
      { WHYDENIED_AUTH: "proxy", WHYDENIED_PROXY: "nginx" },
      'WHYDENIED_PROXY is "nginx": it must be "oauth2-proxy", "auth-request" or "alb"',
    ],
    [
      { WHYDENIED_AUTH: "proxy", WHYDENIED_PROXY: "alb" },
      'WHYDENIED_ALB_ARN is "": it must be set when WHYDENIED_PROXY is "alb"',
    ],
    [
      { WHYDENIED_ALB_ARN: "arn:aws:iam::1:role/x" },
      'WHYDENIED_ALB_ARN is "arn:aws:iam::1:role/x": it must be an Application Load Balancer ARN',
    ],
    [{ WHYDENIED_CONFIG: "portal.yaml" }, 'WHYDENIED_CONFIG is "portal.yaml": it needs WHYDENIED_AUTH=proxy'],
    [{ WHYDENIED_STS_ENDPOINT: "sts" }, 'WHYDENIED_STS_ENDPOINT is "sts": it must be an http(s) URL'],
    [
      {
        WHYDENIED_AUTH: "proxy",
        WHYDENIED_PROXY: "oauth2-proxy",
        WHYDENIED_CONFIG: "portal.yaml",
        DATABASE_URL: "postgres://whydenied@db/whydenied",
      },
      'WHYDENIED_SECRET is "": it must be set in portal mode with DATABASE_URL',
    ],
    [{ WHYDENIED_SECRET: "short" }, 'WHYDENIED_SECRET is "short": it must be at least 32 characters'],
  ])("refuses a portal setting that cannot work (%#)", (source, expected) => {
    const parsed = parseEnv(source);
    expect(parsed.ok ? "" : parsed.error.message).toContain(expected);
  });

  it.each([
    ["WHYDENIED_LOOKUP_RATE", "abc", 'WHYDENIED_LOOKUP_RATE is "abc": it must be a number above 0 and at most 2'],
    ["WHYDENIED_LOOKUP_RATE", "3", 'WHYDENIED_LOOKUP_RATE is "3": it must be a number above 0 and at most 2'],
    ["WHYDENIED_LOOKUP_RATE", "0", 'WHYDENIED_LOOKUP_RATE is "0": it must be a number above 0 and at most 2'],
    ["WHYDENIED_MAX_UPLOAD_MIB", "1.5", 'WHYDENIED_MAX_UPLOAD_MIB is "1.5": it must be a whole number of MiB above 0'],
    ["WHYDENIED_DEMO", "yes", 'WHYDENIED_DEMO is "yes": it must be "on" or "off"'],
    ["WHYDENIED_HSTS", "1", 'WHYDENIED_HSTS is "1": it must be "on" or "off"'],
    ["WHYDENIED_TRUSTED_PROXIES", "-1", 'WHYDENIED_TRUSTED_PROXIES is "-1": it must be a whole number from 0 to 10'],
    ["WHYDENIED_TRUSTED_PROXIES", "yes", 'WHYDENIED_TRUSTED_PROXIES is "yes": it must be a whole number from 0 to 10'],
    [
      "WHYDENIED_ALLOWED_HOSTS",
      "localhost:3000",
      'WHYDENIED_ALLOWED_HOSTS is "localhost:3000": it must be comma-separated host names',
    ],
    ["WHYDENIED_ALLOWED_HOSTS", "a,,b", 'WHYDENIED_ALLOWED_HOSTS is "a,,b": it must be comma-separated host names'],
    [
      "WHYDENIED_CLOUDTRAIL_ENDPOINT",
      "ftp://x",
      'WHYDENIED_CLOUDTRAIL_ENDPOINT is "ftp://x": it must be an http(s) URL',
    ],
    ["DATABASE_URL", "mysql://db/whydenied", 'DATABASE_URL is "mysql://db/whydenied": it must be a postgres:// URL'],
  ])("refuses %s=%s, naming it and what it accepts", (name, value, expected) => {
    const parsed = parseEnv({ [name]: value });
    expect(parsed.ok ? null : parsed.error.code).toBe("env.invalid");
    expect(parsed.ok ? "" : parsed.error.message).toContain(expected);
  });

  it("names every bad variable, one a line", () => {
    const parsed = parseEnv({ WHYDENIED_LOOKUP_RATE: "x", WHYDENIED_DEMO: "x" });
    expect(parsed.ok ? [] : parsed.error.message.split("\n").map((line) => line.split(" ")[0])).toEqual([
      "WHYDENIED_DEMO",
      "WHYDENIED_LOOKUP_RATE",
    ]);
  });
});
