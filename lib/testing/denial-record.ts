import { z } from "zod";
import { denialRecordSchema, type DenialRecord } from "../model";

/** What a message that names nothing leaves a record with. */
const NOTHING_STATED = {
  service: null,
  action: null,
  operation: null,
  principal: null,
  resource: null,
  statedPolicyType: null,
  transitivePolicyType: null,
  statedReason: "unstated",
  policyArn: null,
  authorizationId: null,
  errorCode: null,
  region: null,
  account: null,
  partition: "aws",
  occurrences: 1,
};

/** A denial record from a case table: the facts the row lists, every other one as an unrevealing message leaves it. */
export function denialRecordOf(facts: unknown): DenialRecord {
  return denialRecordSchema.parse({ ...NOTHING_STATED, ...z.record(z.string(), z.unknown()).parse(facts) });
}
