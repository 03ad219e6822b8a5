import type { DenialRecord } from "../model";

function identity(record: DenialRecord): string {
  return [
    record.kind,
    record.action?.toLowerCase(),
    record.principal,
    record.resource,
    record.statedPolicyType,
    record.statedReason,
    record.detail,
  ].join("\u0000");
}

/** Folds identical denials into one record with an occurrence count, keeping first-seen order. */
export function dedupeRecords(records: DenialRecord[]): DenialRecord[] {
  const byIdentity = new Map<string, DenialRecord>();
  for (const record of records) {
    const key = identity(record);
    const seen = byIdentity.get(key);
    if (seen) byIdentity.set(key, { ...seen, occurrences: seen.occurrences + record.occurrences });
    else byIdentity.set(key, record);
  }
  return [...byIdentity.values()];
}
