import "server-only";
import { seedDemoEvents } from "../demo";
import { startLocalAws, type LocalAws } from "../local-aws";

/** Where demo lookups go: the loopback endpoint's URL and the fixed credentials the SDK signs with. */
export interface DemoEndpoint {
  endpoint: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
}

/** The demo's events are seeded relative to "now"; past this age they are seeded afresh. */
const RESEED_AFTER_MS = 6 * 60 * 60 * 1000;

/** The local endpoint ignores signatures, but the SDK must sign with something. */
const DEMO_CREDENTIALS = { accessKeyId: "AKIAWHYDENIEDDEMO000", secretAccessKey: "whydenied-demo-not-a-secret" };

interface DemoServer {
  server: LocalAws;
  seededAt: number;
}

// Kept on globalThis so that the dev server's module reloads do not start a server per edit.
const holder = globalThis as typeof globalThis & { whydeniedDemo?: Promise<DemoServer> };

async function startDemo(): Promise<DemoServer> {
  const seededAt = Date.now();
  const server = await startLocalAws({
    events: seedDemoEvents({ now: new Date(seededAt) }),
    host: "127.0.0.1",
    port: 0,
  });
  return { server, seededAt };
}

/**
 * The endpoint for the no-account demo: the local AWS endpoint serving the demo data, started on
 * a loopback port the first time a demo lookup runs, answering the real wire protocol at the real
 * rate limit.
 */
export async function demoEndpoint(): Promise<DemoEndpoint> {
  let demo = await (holder.whydeniedDemo ??= startDemo());
  if (Date.now() - demo.seededAt > RESEED_AFTER_MS) {
    const stale = demo.server;
    holder.whydeniedDemo = startDemo();
    demo = await holder.whydeniedDemo;
    void stale.close();
  }
  return { endpoint: demo.server.url, credentials: DEMO_CREDENTIALS };
}
