import { maskName, maskSession } from "./names";
import { FIELD_PRIORITY, type Part } from "./tokens";

/** JSON fields (CloudTrail, SDK parameters) whose string value is a bare name, and what to call it. */
const NAME_FIELDS: Record<string, string> = {
  userName: "user",
  roleName: "role",
  roleSessionName: "session",
  sessionName: "session",
  functionName: "function",
  FunctionName: "function",
  bucketName: "bucket",
  Bucket: "bucket",
  BucketName: "bucket",
  key: "object",
  Key: "object",
  tableName: "table",
  TableName: "table",
  queueName: "queue",
  QueueName: "queue",
  topicName: "topic",
  secretId: "secret",
  SecretId: "secret",
  keyId: "key",
  KeyId: "key",
  logGroupName: "log-group",
  logStreamName: "log-stream",
  stateMachineName: "state-machine",
  principalId: "principal",
  accessKeyId: "access-key",
};

export const FIELD_NAMES = Object.keys(NAME_FIELDS);

/** Whether a JSON key holds a bare name the redactor masks by its key (values that are ARNs are masked as ARNs). */
export function isNameField(key: string): boolean {
  return Object.hasOwn(NAME_FIELDS, key);
}

/** Masks the value of a name field: `principalId` is `<unique id>:<session>`, object keys are paths, the rest names. */
export function maskField(key: string, value: string): Part[] {
  const label = NAME_FIELDS[key] ?? "name";
  if (label === "principal") {
    const colon = value.indexOf(":");
    if (colon === -1) return maskName(value, "principal", FIELD_PRIORITY);
    return [
      ...maskName(value.slice(0, colon), "principal", FIELD_PRIORITY),
      ":",
      ...maskSession(value.slice(colon + 1), FIELD_PRIORITY),
    ];
  }
  if (label === "session") return maskSession(value, FIELD_PRIORITY);
  if (label === "object")
    return value
      .split(/(\/)/)
      .flatMap((piece, index) => (index % 2 ? [piece] : maskName(piece, label, FIELD_PRIORITY)));
  return maskName(value, label, FIELD_PRIORITY);
}
