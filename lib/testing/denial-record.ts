import { z } from "zod";
import { denialRecordSchema, type DenialRecord } from "../model";
import { emptyRecord } from "../parse";

/** What a message that names nothing leaves a record with: the parser's own defaults, less what a row must give. */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- kind, format and excerpt are the row's to give
const { kind, sourceFormat, excerpt, ...NOTHING_STATED } = emptyRecord(
  { kind: "generic-denied" },
  "iam-message",
  "",
  0,
);

/** A denial record from a case table: the facts the row lists, every other one as an unrevealing message leaves it. */
export function denialRecordOf(facts: unknown): DenialRecord {
  return denialRecordSchema.parse({ ...NOTHING_STATED, ...z.record(z.string(), z.unknown()).parse(facts) });
}
