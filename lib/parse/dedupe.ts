import type { DenialRecord } from "../model";

const SEPARATOR = "\u0000";

function identity(record: DenialRecord): string {
  // `?? ""` prints null fields as the Array#join this key was once built with did.
  return (
    record.kind +
    SEPARATOR +
    (record.action?.toLowerCase() ?? "") +
    SEPARATOR +
    (record.principal ?? "") +
    SEPARATOR +
    (record.resource ?? "") +
    SEPARATOR +
    (record.statedPolicyType ?? "") +
    SEPARATOR +
    record.statedReason +
    SEPARATOR +
    ("detail" in record ? record.detail : "")
  );
}

/** Folds identical denials into one record with an occurrence count, keeping first-seen order. */
export function dedupeRecords(records: DenialRecord[]): DenialRecord[] {
  if (records.length < 2) return records; // nothing to fold; most pastes hold one denial
  const byIdentity = new Map<string, DenialRecord>();
  for (const record of records) {
    const key = identity(record);
    const seen = byIdentity.get(key);
    if (seen) byIdentity.set(key, { ...seen, occurrences: seen.occurrences + record.occurrences });
    else byIdentity.set(key, record);
  }
  return [...byIdentity.values()];
}
