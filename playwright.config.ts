import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { defineConfig, devices } from "@playwright/test";
import {
  APP_PORT,
  CLOUDTRAIL_PORT,
  CLOUDTRAIL_URL,
  CONTROL_TOKEN,
  DATABASE_URL,
  DEMO_DATA_DIR,
  DEMO_PORT,
  PORTAL_AWS_PORT,
  PORTAL_AWS_URL,
  PORTAL_PORT,
  POSTGRES_PORT,
  REPLICA_PORTS,
  REPLICA_RECORDS,
} from "./e2e/ports";

/** The documented example configuration is the one the portal specs run: two accounts, one for every signed-in user. */
const PORTAL_CONFIG = resolve("portal.example.yaml");

const debianChromium = "/usr/bin/chromium";

/** Debian's Chromium where it exists (CI, sandboxes without browser downloads); Playwright's own elsewhere. */
const launchOptions = existsSync(debianChromium)
  ? {
      executablePath: debianChromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    }
  : {};

const nextStart = (port: number) => `node node_modules/next/dist/bin/next start -H 127.0.0.1 -p ${port}`;

/** The app's environment: lookups sent to the local CloudTrail endpoint with dummy credentials, snapshots in PostgreSQL. */
const APP_ENV = {
  NEXT_TELEMETRY_DISABLED: "1",
  WHYDENIED_CLOUDTRAIL_ENDPOINT: CLOUDTRAIL_URL,
  AWS_ACCESS_KEY_ID: "AKIAE2ETESTING000000",
  AWS_SECRET_ACCESS_KEY: "e2e-not-a-secret",
  AWS_REGION: "eu-west-1",
  DATABASE_URL,
};
/** No credential of any kind may reach the demo server, whatever the machine running the tests has. */
const WITHOUT_AWS =
  "env -u AWS_ACCESS_KEY_ID -u AWS_SECRET_ACCESS_KEY -u AWS_SESSION_TOKEN -u AWS_PROFILE -u WHYDENIED_CLOUDTRAIL_ENDPOINT";

export default defineConfig({
  testDir: "e2e",
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 1,
  timeout: 60_000,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions,
  },
  projects: [
    {
      name: "app",
      testIgnore: /(demo|portal|replicas)\.spec\.ts/,
      use: { ...devices["Desktop Chrome"], launchOptions, baseURL: `http://127.0.0.1:${APP_PORT}` },
    },
    {
      name: "demo",
      testMatch: /demo\.spec\.ts/,
      use: { ...devices["Desktop Chrome"], launchOptions, baseURL: `http://127.0.0.1:${DEMO_PORT}` },
    },
    {
      // Each spec signs in by sending oauth2-proxy's headers itself (extraHTTPHeaders): a simulated proxy.
      name: "portal",
      testMatch: /portal\.spec\.ts/,
      use: { ...devices["Desktop Chrome"], launchOptions, baseURL: `http://127.0.0.1:${PORTAL_PORT}` },
    },
    {
      // Two replicas of the app on one PostgreSQL and one endpoint (the servers below, on APP_PORT + 3 and + 4).
      name: "replicas",
      testMatch: /replicas\.spec\.ts/,
    },
  ],
  webServer: [
    {
      // First: the app below keeps its snapshots here. Stopped with SIGTERM so it shuts PostgreSQL down and cleans up.
      command: "node --import tsx e2e/support/postgres-server.ts",
      port: POSTGRES_PORT,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    },
    {
      // The demo data, and the two-replica test's events (written just before, dated from now).
      command:
        "node --import tsx e2e/support/replica-records.ts && " +
        `node bin/local-cloudtrail.mjs --host 127.0.0.1 --port ${CLOUDTRAIL_PORT} --records ${REPLICA_RECORDS}`,
      // Without the token the control route answers 401, which Playwright takes as "up".
      url: `${CLOUDTRAIL_URL}/__control/stats`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      env: { WHYDENIED_CONTROL_TOKEN: CONTROL_TOKEN },
    },
    {
      // The app, with lookups sent to the local CloudTrail endpoint and dummy credentials to sign them.
      command: nextStart(APP_PORT),
      url: `http://127.0.0.1:${APP_PORT}`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
      env: APP_ENV,
    },
    ...REPLICA_PORTS.map((port) => ({
      command: nextStart(port),
      url: `http://127.0.0.1:${port}`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
      env: APP_ENV,
    })),
    {
      command: `node bin/local-cloudtrail.mjs --portal-config ${PORTAL_CONFIG} --host 127.0.0.1 --port ${PORTAL_AWS_PORT}`,
      url: `${PORTAL_AWS_URL}/__control/stats`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      env: { WHYDENIED_CONTROL_TOKEN: CONTROL_TOKEN },
    },
    {
      // Portal mode: sign-in through oauth2-proxy's headers, the example accounts' roles assumed at the local endpoint.
      command: nextStart(PORTAL_PORT),
      // The health check answers without sign-in; every other path would answer 401.
      url: `http://127.0.0.1:${PORTAL_PORT}/healthz`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
      env: {
        NEXT_TELEMETRY_DISABLED: "1",
        WHYDENIED_AUTH: "proxy",
        WHYDENIED_PROXY: "oauth2-proxy",
        WHYDENIED_CONFIG: PORTAL_CONFIG,
        WHYDENIED_CLOUDTRAIL_ENDPOINT: PORTAL_AWS_URL,
        WHYDENIED_STS_ENDPOINT: PORTAL_AWS_URL,
        WHYDENIED_TOOLBOX_ENDPOINT: PORTAL_AWS_URL,
        AWS_ACCESS_KEY_ID: "AKIAE2EPORTAL0000000",
        AWS_SECRET_ACCESS_KEY: "e2e-not-a-secret",
        AWS_REGION: "us-east-1",
        DATABASE_URL,
        // Seals the assumed roles' session credentials the replicas share in PostgreSQL.
        WHYDENIED_SECRET: "e2e-portal-secret-not-used-anywhere-else",
      },
    },
    {
      command: `${WITHOUT_AWS} AWS_EC2_METADATA_DISABLED=true AWS_CONFIG_FILE=/nonexistent AWS_SHARED_CREDENTIALS_FILE=/nonexistent ${nextStart(DEMO_PORT)}`,
      url: `http://127.0.0.1:${DEMO_PORT}`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
      env: { NEXT_TELEMETRY_DISABLED: "1", WHYDENIED_DATA_DIR: DEMO_DATA_DIR },
    },
  ],
});
