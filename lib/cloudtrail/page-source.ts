import "server-only";
import { CloudTrailClient, LookupEventsCommand, type LookupEventsCommandOutput } from "@aws-sdk/client-cloudtrail";
import { cloudTrailRecordSchema, type CloudTrailRecord } from "../parse";
import type { LookupPage, PageSource } from "../lookup";
import { fail, ok } from "../result";
import { lookupErrorOf } from "./sdk-errors";

export interface CloudTrailConnection {
  /** Explicit endpoint (local CloudTrail, LocalStack); undefined means AWS itself. */
  endpoint?: string;
  /** Fixed credentials (the demo); undefined means the SDK's default chain. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/** The SDK must not retry on its own: every attempt has to pass through the Region's pacer. */
const NO_SDK_RETRIES = 1;

/** LookupEvents through the real SDK client, one client per Region, answers converted to our types. */
export function cloudTrailPages(connection: CloudTrailConnection): PageSource {
  const clients = new Map<string, CloudTrailClient>();
  const clientFor = (region: string) => {
    let client = clients.get(region);
    if (!client) {
      client = new CloudTrailClient({
        region,
        endpoint: connection.endpoint,
        credentials: connection.credentials,
        maxAttempts: NO_SDK_RETRIES,
        requestHandler: { connectionTimeout: 5_000, requestTimeout: 30_000 },
      });
      clients.set(region, client);
    }
    return client;
  };

  return {
    async lookupPage(request, signal) {
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
          { abortSignal: signal },
        );
        return ok(pageOf(output));
      } catch (error) {
        if (signal.aborted) throw signal.reason;
        const failure = lookupErrorOf(error, request.region);
        if (!failure) throw error;
        return fail(failure.code, failure.message);
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
