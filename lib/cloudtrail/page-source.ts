import "server-only";
import { CloudTrailClient, LookupEventsCommand, type LookupEventsCommandOutput } from "@aws-sdk/client-cloudtrail";
import { cloudTrailRecordSchema, type CloudTrailRecord } from "../parse";
import { systemClock, type Clock, type LookupPage, type PageSource } from "../lookup";
import { fail, ok } from "../result";
import { lookupErrorOf } from "./sdk-errors";

export interface CloudTrailConnection {
  /** Explicit endpoint (local CloudTrail, LocalStack); undefined means AWS itself. */
  endpoint?: string;
  /** Fixed credentials (the demo's, or an assumed role's session); undefined means the SDK's default chain. */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}

/** The SDK must not retry on its own: every attempt has to pass through the Region's pacer. */
const NO_SDK_RETRIES = 1;

/** How long one LookupEvents call may take, connection included, before it counts as unanswered (and is retried). */
export const PAGE_TIMEOUT_MS = 30_000;

interface PageDeadline {
  /** The clock the deadline runs on; tests hold it to make an answer late without waiting. */
  clock: Clock;
  timeoutMs: number;
}

const DEFAULT_DEADLINE: PageDeadline = { clock: systemClock, timeoutMs: PAGE_TIMEOUT_MS };

/** Thrown into a call that passed its deadline, so it is told apart from the lookup's own abort. */
class PageTimeoutError extends Error {
  constructor() {
    super("page deadline passed");
    this.name = "PageTimeoutError";
  }
}

/**
 * LookupEvents through the real SDK client, one client per Region, answers converted to our types. A call that has
 * no answer by the deadline is cut off and fails as `lookup.unavailable`, so a hung answer never hangs the lookup
 * (the SDK's own request timeout only logs a warning unless told otherwise).
 */
export function cloudTrailPages(connection: CloudTrailConnection, deadline = DEFAULT_DEADLINE): PageSource {
  const clients = new Map<string, CloudTrailClient>();
  const clientFor = (region: string) => {
    let client = clients.get(region);
    if (!client) {
      client = new CloudTrailClient({
        region,
        endpoint: connection.endpoint,
        credentials: connection.credentials,
        maxAttempts: NO_SDK_RETRIES,
        requestHandler: { connectionTimeout: 5_000 },
      });
      clients.set(region, client);
    }
    return client;
  };

  return {
    async lookupPage(request, signal) {
      signal.throwIfAborted();
      const call = new AbortController();
      const onAbort = () => call.abort(signal.reason);
      signal.addEventListener("abort", onAbort, { once: true });
      deadline.clock.sleep(deadline.timeoutMs, call.signal).then(
        () => call.abort(new PageTimeoutError()),
        () => undefined,
      );
      try {
        const output = await clientFor(request.region).send(
          new LookupEventsCommand({
            StartTime: request.window.start,
            EndTime: request.window.end,
            MaxResults: 50,
            NextToken: request.nextToken ?? undefined,
            LookupAttributes: request.attribute
              ? [{ AttributeKey: request.attribute.key, AttributeValue: request.attribute.value }]
              : undefined,
          }),
          { abortSignal: call.signal },
        );
        return ok(pageOf(output));
      } catch (error) {
        if (signal.aborted) throw signal.reason;
        if (call.signal.reason instanceof PageTimeoutError)
          return fail(
            "lookup.unavailable",
            `CloudTrail in ${request.region} did not answer within ${deadline.timeoutMs / 1000} s.`,
          );
        const failure = lookupErrorOf(error, request.region);
        if (!failure) throw error;
        return fail(failure.code, failure.message);
      } finally {
        signal.removeEventListener("abort", onAbort);
        call.abort();
      }
    },
  };
}

function pageOf(output: LookupEventsCommandOutput): LookupPage {
  const events = output.Events ?? [];
  const records: CloudTrailRecord[] = [];
  for (const event of events) {
    const record = parseRecord(event.CloudTrailEvent);
    if (record) records.push(record);
  }
  return { records, eventCount: events.length, nextToken: output.NextToken || null };
}

function parseRecord(json: string | undefined): CloudTrailRecord | null {
  if (!json) return null;
  try {
    const parsed = cloudTrailRecordSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
