import { Readable } from "node:stream";
import { loadCatalog } from "../lib/catalog";
import {
  DEFAULT_RETRY,
  createPacer,
  parseRoleTarget,
  planLookup,
  scanDenials,
  scanTrail,
  systemClock,
  type PageSource,
} from "../lib/lookup";
import { cloudTrailRecordSchema, type CloudTrailRecord } from "../lib/parse";
import { ok } from "../lib/result";
import { readTrail } from "../lib/trail";
import type { Finding, LookupStreamEvent } from "../lib/wire";
import type { BatchAnswer } from "./batch";

/** What a user copies from a diagnosis: the top candidate's layer and statements. */
function fixOf(finding: Finding | undefined): string {
  if (!finding) return "no denial";
  const { layer, fix } = finding.candidates[0];
  return JSON.stringify({ layer, statement: fix.statement, more: fix.additionalStatements });
}

async function findingsOf(events: AsyncIterable<LookupStreamEvent>): Promise<Finding[]> {
  const findings: Finding[] = [];
  for await (const event of events)
    if (event.type === "group" && event.group.finding) findings.push(event.group.finding);
  return findings;
}

/** The role a lookup would be run for to find this record: its caller's, or the role it was denied assuming. */
function lookupRoleOf(record: CloudTrailRecord): string | null {
  const issuer = record.userIdentity?.sessionContext?.sessionIssuer?.arn;
  if (issuer) return issuer;
  const caller = record.userIdentity?.arn ?? "";
  if (caller.includes(":assumed-role/")) return caller;
  if (!record.eventName.startsWith("AssumeRole")) return null;
  const requested = (record.requestParameters as { roleArn?: unknown } | null | undefined)?.roleArn;
  if (typeof requested === "string") return requested;
  return /arn:[\w-]+:iam::\d{12}:role\/[\w+=,.@/-]+/.exec(record.errorMessage ?? "")?.[0] ?? null;
}

/** The record through the lookup engine: one LookupEvents page holding it, scanned for the role that finds it. */
async function lookedUp(json: string, record: CloudTrailRecord): Promise<Finding[] | null> {
  const role = lookupRoleOf(record);
  const target = role ? parseRoleTarget(role) : null;
  if (!target?.ok) return null;
  const region = record.awsRegion ?? "us-east-1";
  // As lib/cloudtrail reads a page: the event's CloudTrailEvent string, parsed with the record schema.
  const pages: PageSource = {
    lookupPage: () =>
      Promise.resolve(
        ok({ records: [cloudTrailRecordSchema.parse(JSON.parse(json))], eventCount: 1, nextToken: null }),
      ),
  };
  const plan = planLookup({
    target: target.value,
    functionName: null,
    regions: [region],
    globalRegion: null,
    eventSource: null,
  });
  const window = { start: new Date(0), end: new Date("2100-01-01T00:00:00Z") };
  const events = scanDenials(
    { target: target.value, plan, window, source: "aws", client: "eval" },
    {
      pages,
      pacerFor: () => createPacer({ requestsPerSecond: 1000, marginMs: 0, clock: systemClock }),
      clock: systemClock,
      retry: DEFAULT_RETRY,
      catalog: loadCatalog,
    },
    new AbortController().signal,
  );
  return findingsOf(events);
}

/** The record through the trail reader, as an uploaded trail file holding it. */
async function uploaded(json: string): Promise<Finding[]> {
  const file = Buffer.from(`{"Records":[${json}]}`);
  const batches = readTrail(Readable.from([file]));
  return findingsOf(
    scanTrail({ batches, target: null, totalBytes: file.length }, { clock: systemClock, catalog: loadCatalog }),
  );
}

/**
 * Diagnoses each CloudTrail record pasted (its batch answer), looked up and uploaded, and lists every record whose
 * top fix differs between the ways. A record no role lookup would find (an IAM user's own call) is compared pasted
 * against uploaded only; `unreachable` counts those.
 */
export async function pathDifferences(
  samples: { id: string; text: string }[],
  pasted: Map<string, BatchAnswer>,
): Promise<{ differences: string[]; compared: number; unreachable: number }> {
  const differences: string[] = [];
  let unreachable = 0;
  for (const { id, text } of samples) {
    const record = cloudTrailRecordSchema.safeParse(JSON.parse(text));
    if (!record.success) continue;
    const paste = fixOf(pasted.get(id)?.findings[0]);
    const trail = fixOf((await uploaded(text))[0]);
    if (trail !== paste) differences.push(`${id}: uploaded ${trail} ≠ pasted ${paste}`);
    const lookup = await lookedUp(text, record.data);
    if (lookup === null) unreachable++;
    else if (fixOf(lookup[0]) !== paste) differences.push(`${id}: looked up ${fixOf(lookup[0])} ≠ pasted ${paste}`);
  }
  return { differences, compared: samples.length, unreachable };
}
