import type { DenialRecord } from "../model";

/** Whether the caller and the resource are in one account, in two, or the message does not show both. */
export function accountsOf(record: DenialRecord): "same" | "cross" | "unknown" {
  const principalAccount = record.principal?.split(":")[4];
  const resourceAccount = record.resource?.split(":")[4];
  if (!principalAccount || !resourceAccount || !/^\d{12}$/.test(principalAccount) || !/^\d{12}$/.test(resourceAccount))
    return "unknown";
  return principalAccount === resourceAccount ? "same" : "cross";
}

/** True when the caller's account and the resource's differ, as far as the message shows both. */
export function crossAccount(record: DenialRecord): boolean {
  return accountsOf(record) === "cross";
}

/**
 * Services whose resources carry a policy of their own that can let another account in (or deny a caller): a bucket,
 * repository, queue, topic, secret, function, API, log destination, event bus, stream, table, vault or domain.
 */
const RESOURCE_POLICY_SERVICES = new Set([
  "s3",
  "ecr",
  "sqs",
  "sns",
  "secretsmanager",
  "kms",
  "lambda",
  "execute-api",
  "logs",
  "events",
  "kinesis",
  "dynamodb",
  "glacier",
  "backup",
  "es",
  "codeartifact",
]);

/** True when the denied call names a resource, not "*" (ListFunctions): only a named one can carry a policy. */
export function namesResource(record: DenialRecord): boolean {
  return !!record.resource && record.resource !== "*";
}

/** True when the denied call names one resource of a service whose resources hold their own policy. */
export function targetsResourcePolicy(record: DenialRecord): boolean {
  return namesResource(record) && RESOURCE_POLICY_SERVICES.has(record.service ?? "");
}
