import "server-only";
import { serverEnv } from "../env";
import { loadCatalog } from "../catalog";
import { DEFAULT_RETRY, planLookup, parseRoleTarget, resolveWindow, scanDenials, systemClock } from "../lookup";
import type { AssumeRoleErrorCode, SessionCredentials } from "../portal/credentials";
import { fail, ok, type Result } from "../result";
import type { LookupRequest, LookupSource, LookupStreamEvent, LookupTarget } from "../wire";
import { cloudTrailPages, type CloudTrailConnection } from "./page-source";
import { pacerFor } from "./pacers";
import { checkRegions, globalRegionOf } from "./regions";

export type LookupStartErrorCode =
  | "lookup.bad-arn"
  | "lookup.bad-region"
  | "lookup.bad-window"
  | "lookup.window-too-large"
  | "lookup.demo-disabled"
  | AssumeRoleErrorCode;

/** Portal mode: the configured account a lookup reads, through its role's session. */
export interface AccountScope {
  accountId: string;
  /** The session credentials, asked for only once the request has passed every check. */
  credentials: () => Promise<Result<SessionCredentials, AssumeRoleErrorCode>>;
}

/** Where a lookup of the demo data goes; asked only once the request has passed every check. */
type DemoConnection = () => Promise<Required<CloudTrailConnection>>;

/** Who asks and how the lookup is stopped, as the route knows them. */
export interface LookupCaller {
  /** Aborting it stops the scan. */
  signal: AbortSignal;
  /** The endpoint of the demo data (the caller composes it; this module knows no demo). */
  demo: DemoConnection;
  /** The client's key: the Regions' shared pacers serve clients in turn. */
  client: string;
  /** Portal mode: the account read (its role's credentials, its own LookupEvents budget); absent in single mode. */
  account?: AccountScope | null;
}

/**
 * Validates a lookup before any AWS call and returns the stream of its events: the start, then
 * groups, denials and progress as pages arrive, then done.
 */
export async function startLookup(
  request: LookupRequest,
  { signal, demo, client, account = null }: LookupCaller,
  now = new Date(),
): Promise<Result<AsyncGenerator<LookupStreamEvent>, LookupStartErrorCode>> {
  const env = serverEnv();
  const target = parseRoleTarget(request.roleArn);
  if (!target.ok) return target;
  const window = resolveWindow(request.window, now);
  if (!window.ok) return window;
  const regions = checkRegions(request.regions, target.value.partition);
  if (!regions.ok) return regions;
  if (request.source === "demo" && env.WHYDENIED_DEMO === "off")
    return fail("lookup.demo-disabled", "The demo data is switched off on this server.");

  const plan = planLookup({
    target: target.value,
    functionName: request.functionName,
    regions: regions.value,
    globalRegion: request.includeGlobalRegion ? globalRegionOf(target.value.partition) : null,
    eventSource: request.eventSource,
  });
  const connected = await connectionFor(request.source, env.WHYDENIED_CLOUDTRAIL_ENDPOINT, demo, account);
  if (!connected.ok) return connected;
  const { connection, source } = connected.value;
  // LookupEvents' budget is per account and Region: a portal's accounts each have their own.
  const pacerKey = request.source === "aws" && account ? account.accountId : (connection.endpoint ?? "aws");
  return ok(
    scanDenials(
      { target: target.value, plan, window: window.value, source, client },
      {
        pages: cloudTrailPages(connection),
        pacerFor: (region) => pacerFor(pacerKey, region, env.WHYDENIED_LOOKUP_RATE),
        clock: systemClock,
        retry: DEFAULT_RETRY,
        catalog: loadCatalog,
      },
      signal,
    ),
  );
}

async function connectionFor(
  requested: LookupTarget,
  endpoint: string | undefined,
  demo: DemoConnection,
  account: AccountScope | null,
): Promise<Result<{ connection: CloudTrailConnection; source: LookupSource }, AssumeRoleErrorCode>> {
  if (requested === "demo") return ok({ connection: await demo(), source: "demo" });
  const source: LookupSource = endpoint ? "endpoint" : "aws";
  if (!account) return ok({ connection: endpoint ? { endpoint } : {}, source });
  const credentials = await account.credentials();
  if (!credentials.ok) return credentials;
  const { accessKeyId, secretAccessKey, sessionToken } = credentials.value;
  return ok({ connection: { endpoint, credentials: { accessKeyId, secretAccessKey, sessionToken } }, source });
}
