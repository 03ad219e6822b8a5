import { actionKeys, diagnoseRecord } from "../diagnose";
import { consoleHost, parseArn } from "../iam/arn";
import { loadCatalog } from "../iam/load-catalog";
import type { Finding } from "../model";
import { denialFromRecord, type CloudTrailRecord } from "../parse";
import type { DeniedEvent, LookupStreamEvent } from "./events";

/** Turns batches of CloudTrail records into diagnosed groups and event rows for the stream. */
export interface DenialCollector {
  /** Diagnoses the denials among `records`: a `group` event for each new group, a `denial` row for each denial. */
  add(records: CloudTrailRecord[]): Promise<LookupStreamEvent[]>;
  readonly denialsFound: number;
}

/** Denials group by the layer to change, the action and the resource: one fix per group. */
export function groupKeyOf(finding: Finding): string {
  return [finding.layer, finding.action?.toLowerCase() ?? "", finding.resource ?? ""].join(" ");
}

const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;

/** The event in the CloudTrail console's event history, where the account can see it. */
export function cloudTrailConsoleUrl(record: CloudTrailRecord): string | null {
  const region = record.awsRegion;
  if (!region || !REGION.test(region) || !record.eventID) return null;
  const partition = parseArn(record.userIdentity?.arn ?? "")?.partition ?? "aws";
  return `https://${region}.${consoleHost(partition)}/cloudtrailv2/home?region=${region}#/events/${encodeURIComponent(record.eventID)}`;
}

/**
 * Collects denials chosen by `select`. Every denial is diagnosed (the layer decides its group);
 * only the first of a group travels with its full finding. Console links are left out for
 * events that do not exist in any account (the demo data).
 */
export function createDenialCollector(options: { select: (record: CloudTrailRecord) => boolean; linkToConsole: boolean }): DenialCollector {
  const groups = new Set<string>();
  let denialsFound = 0;

  return {
    get denialsFound() {
      return denialsFound;
    },
    async add(records) {
      const chosen = records.filter(options.select);
      if (chosen.length === 0) return [];
      const denials = chosen.map(denialFromRecord);
      const catalog = await loadCatalog(actionKeys(denials));
      const events: LookupStreamEvent[] = [];
      chosen.forEach((record, index) => {
        const finding = diagnoseRecord(denials[index]!, catalog, `group-${groups.size + 1}`);
        const key = groupKeyOf(finding);
        if (!groups.has(key)) {
          groups.add(key);
          events.push({ type: "group", group: { key, layer: finding.layer, action: finding.action, resource: finding.resource, finding } });
        }
        events.push({ type: "denial", event: rowOf(record, key, options.linkToConsole) });
      });
      denialsFound += chosen.length;
      return events;
    },
  };
}

function rowOf(record: CloudTrailRecord, groupKey: string, linkToConsole: boolean): DeniedEvent {
  return {
    id: record.eventID ?? "",
    time: record.eventTime ?? "",
    region: record.awsRegion ?? "",
    source: record.eventSource,
    name: record.eventName,
    principal: record.userIdentity?.arn ?? null,
    errorCode: record.errorCode ?? null,
    groupKey,
    consoleUrl: linkToConsole ? cloudTrailConsoleUrl(record) : null,
  };
}
