import "server-only";
import { seedDemoEvents, startLocalCloudTrail, type LocalCloudTrail } from "../local-cloudtrail";
import type { CloudTrailConnection } from "./page-source";

/** The demo's events are seeded relative to "now"; past this age they are seeded afresh. */
const RESEED_AFTER_MS = 6 * 60 * 60 * 1000;

/** The local endpoint ignores signatures, but the SDK must sign with something. */
const DEMO_CREDENTIALS = { accessKeyId: "AKIAWHYDENIEDDEMO000", secretAccessKey: "whydenied-demo-not-a-secret" };

interface DemoServer {
  server: LocalCloudTrail;
  seededAt: number;
}

// Kept on globalThis so that the dev server's module reloads do not start a server per edit.
const holder = globalThis as typeof globalThis & { whydeniedDemo?: Promise<DemoServer> };

async function startDemo(): Promise<DemoServer> {
  const seededAt = Date.now();
  const server = await startLocalCloudTrail({
    events: seedDemoEvents({ now: new Date(seededAt) }),
    host: "127.0.0.1",
    port: 0,
  });
  return { server, seededAt };
}

/**
 * The connection for the no-account demo: the bundled local CloudTrail, started on a loopback
 * port the first time a demo lookup runs, answering the real wire protocol at the real rate limit.
 */
export async function demoConnection(): Promise<CloudTrailConnection> {
  let demo = await (holder.whydeniedDemo ??= startDemo());
  if (Date.now() - demo.seededAt > RESEED_AFTER_MS) {
    const stale = demo.server;
    holder.whydeniedDemo = startDemo();
    demo = await holder.whydeniedDemo;
    void stale.close();
  }
  return { endpoint: demo.server.url, credentials: DEMO_CREDENTIALS };
}
