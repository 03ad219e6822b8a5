import type { InputErrorCode } from "../diagnose";
import type { JsonValue, Redactor } from "../redact";
import type { Result } from "../result";
import { deniedEventSchema, type Diagnosis, type SnapshotContent, type SnapshotGroup } from "../wire";

type RunContent = Extract<SnapshotContent, { kind: "lookup" | "trail" }>;
type Diagnose = (text: string) => Promise<Result<Diagnosis, InputErrorCode>>;

/**
 * A group with its names masked. Its finding is not masked string by string (a fix's commands and prose repeat names
 * the redactor cannot tell from words): the group's sample record is redacted and diagnosed again, as a paste is, so
 * the stored finding is built from masks only. A group whose redacted record no longer reads as a denial keeps none.
 */
async function redactGroup(group: SnapshotGroup, redactor: Redactor, diagnose: Diagnose): Promise<SnapshotGroup> {
  const sample = group.sample === null ? null : redactor.redactText(group.sample);
  let finding = null;
  if (group.finding && sample !== null) {
    const diagnosed = await diagnose(sample);
    const first = diagnosed.ok ? diagnosed.value.findings[0] : undefined;
    finding = first ? { ...first, id: group.finding.id } : null;
  }
  return {
    ...group,
    key: redactor.redactText(group.key),
    resource: group.resource === null ? null : redactor.redactText(group.resource),
    finding,
    sample,
  };
}

/**
 * A lookup's or trail's content with account ids and names masked by one redactor (lib/redact), so a name gets the same
 * mask in every group's key, resource and record and in the denied events, which still point to their groups.
 */
export async function redactRun(content: RunContent, redactor: Redactor, diagnose: Diagnose): Promise<RunContent> {
  const groups: SnapshotGroup[] = [];
  for (const group of content.groups) groups.push(await redactGroup(group, redactor, diagnose));
  // A round trip through JSON drops `undefined` fields, which the redactor's JSON type does not have.
  const events = redactor.redactJson(JSON.parse(JSON.stringify(content.events)) as JsonValue);
  return { kind: content.kind, groups, events: deniedEventSchema.array().parse(events) };
}
