import { CloudTrailClient } from "@aws-sdk/client-cloudtrail";
import type { TrailRecord } from "../../trail-record";

/** A real SDK client pointed at a local endpoint; `maxAttempts: 1` so errors surface without retries. */
export function localClient(
  url: string,
  region: string,
  options: { maxAttempts?: number; requestTimeoutMs?: number } = {},
): CloudTrailClient {
  return new CloudTrailClient({
    region,
    endpoint: url,
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
    maxAttempts: options.maxAttempts ?? 1,
    ...(options.requestTimeoutMs === undefined
      ? {}
      : { requestHandler: { requestTimeout: options.requestTimeoutMs, throwOnRequestTimeout: true } }),
  });
}

/** What the SDK throws, narrowed to the fields the tests read. */
export interface ServiceFailure {
  name: string;
  message: string;
  $fault?: "client" | "server";
  $metadata?: { httpStatusCode?: number; requestId?: string };
}

/** Runs `call` and returns what it threw; fails the test when it did not throw. */
export async function failureOf(call: () => Promise<unknown>): Promise<ServiceFailure> {
  try {
    await call();
  } catch (error) {
    return error as ServiceFailure;
  }
  throw new Error("expected the call to fail");
}

/** A minimal valid CloudTrail record, for tests that need exact control over the data. */
export function testRecord(fields: Partial<TrailRecord> & { eventID: string; eventTime: string }): TrailRecord {
  return {
    eventSource: "kms.amazonaws.com",
    eventName: "Decrypt",
    awsRegion: "us-east-1",
    readOnly: true,
    userIdentity: {
      type: "AssumedRole",
      arn: "arn:aws:sts::123456789012:assumed-role/orders-api-role/orders-api",
      accessKeyId: "ASIATESTKEY000000001",
    },
    ...fields,
  };
}
