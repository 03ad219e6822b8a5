import type { DenialRecord } from "../model";

/** CloudWatch Logs' words when KMS refuses it a log group's key (AssociateKmsKey, CreateLogGroup with a key). */
const LOGS_KEY_REFUSAL = "is not allowed to be used with Arn";

/**
 * True when CloudWatch Logs could not use a KMS key for a log group: the key policy does not let the Region's Logs
 * service principal use it for that log group (or the key does not exist in the log group's Region). The caller's own
 * policy is not what refused it.
 */
export function refusesLogsKey(record: Pick<DenialRecord, "service" | "excerpt">): boolean {
  return record.service === "logs" && record.excerpt.includes(LOGS_KEY_REFUSAL);
}
