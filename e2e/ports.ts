import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Where the end-to-end servers listen; all on loopback, all derived from E2E_PORT. */
export const APP_PORT = Number(process.env.E2E_PORT ?? 3100);
/** The same build started with no AWS credentials at all: the demo-data path. */
export const DEMO_PORT = APP_PORT + 1;
export const CLOUDTRAIL_PORT = APP_PORT + 499;
export const CLOUDTRAIL_URL = `http://127.0.0.1:${CLOUDTRAIL_PORT}`;
/** The same build in portal mode: signed in through oauth2-proxy's headers (the specs send them), two accounts. */
export const PORTAL_PORT = APP_PORT + 2;
/** The local AWS endpoint the portal assumes its accounts' roles at and reads their CloudTrail from. */
export const PORTAL_AWS_PORT = APP_PORT + 497;
export const PORTAL_AWS_URL = `http://127.0.0.1:${PORTAL_AWS_PORT}`;

/**
 * The token the local CloudTrail endpoint's control routes require, passed to it as WHYDENIED_CONTROL_TOKEN. Made once
 * in Playwright's main process, before it starts the servers and forks the workers, which inherit it.
 */
export const CONTROL_TOKEN = (process.env.WHYDENIED_CONTROL_TOKEN ||= randomBytes(24).toString("base64url"));

/** The PostgreSQL server the app under test keeps its snapshots in (e2e/support/postgres-server.ts starts it). */
export const POSTGRES_PORT = APP_PORT + 498;
export const DATABASE_URL = `postgres://whydenied@127.0.0.1:${POSTGRES_PORT}/postgres`;

/** The demo server keeps its snapshots in the embedded store, in this folder (emptied when the tests start). */
export const DEMO_DATA_DIR = join(tmpdir(), `whydenied-e2e-demo-${DEMO_PORT}`);

/** Two more servers of the same build on the same PostgreSQL and endpoint: replicas sharing one LookupEvents budget. */
export const REPLICA_PORTS = [APP_PORT + 3, APP_PORT + 4] as const;

/** The events each replica's lookup reads: 20 whole pages, so the two take some 20 s at the shared 2 requests/s. */
export const REPLICA_EVENTS = 1_000;

/** Where e2e/support/replica-records.ts writes them for the local endpoint's --records. */
export const REPLICA_RECORDS = join(tmpdir(), `whydenied-e2e-replica-load-${APP_PORT}.jsonl`);
