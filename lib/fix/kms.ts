import type { DenialRecord, FixDraft } from "../model";
import { consoleUrl, isAccountId, parseArn, refusesLogsKey } from "../iam";
import type { Subject } from "../iam";
import { prettyJson } from "./json";
import { prepare, type Prepared } from "./prepared";
import { identifier, hclQuote, toYaml } from "./render";
import { shellWord } from "./shell";

/** The key's ARN as a command may name it: none when the message redacted its account or id (`3915824****`). */
function keyIdOf(subject: Subject): string {
  const arn = subject.resourceArn && subject.resourceArn.includes(":key/") ? parseArn(subject.resourceArn) : null;
  const shown = arn && isAccountId(arn.account) && !/[*<>]|\.\.\./.test(arn.resource);
  return shown ? subject.resourceArn! : "<KEY_ARN>";
}

/** Reads the key policy into a file and writes it back once the statement is added. */
function keyPolicyEdit(key: string): string {
  return (
    `aws kms get-key-policy --key-id ${shellWord(key)} --policy-name default --output text > key-policy.json\n` +
    "# add the statement to the Statement array in key-policy.json, then:\n" +
    `aws kms put-key-policy --key-id ${shellWord(key)} --policy-name default --policy file://key-policy.json`
  );
}

function keyPolicyTemplate(rendered: Prepared): string {
  return (
    `# CloudFormation: add to the key's KeyPolicy.Statement\nMyKey:\n  Type: AWS::KMS::Key\n` +
    `  Properties:\n    KeyPolicy:\n      Statement:\n${toYaml([rendered], 4)}`
  );
}

/** The key's page in the KMS console, in the key's own Region. */
function keyConsoleUrl(subject: Subject, key: string): string | null {
  const keyRegion = key.split(":")[3] || subject.region;
  return consoleUrl(
    { partition: subject.partition, region: keyRegion },
    `/kms/home?region=${keyRegion}#/kms/keys/${encodeURIComponent(key.split("/").pop() ?? key)}/`,
  );
}

/** Writes to an SSE-KMS bucket, queue or topic ask KMS for a data key; reads ask it to decrypt. */
const ENCRYPTING_WRITES = /^(?:s3:PutObject|sqs:SendMessage|sns:Publish)$/i;

/** The KMS action the key must allow: the denied one for KMS itself, else the one the service's call needs. */
function kmsActionFor(record: DenialRecord): string {
  if (record.service === "kms" && record.action) return record.action;
  return record.action && ENCRYPTING_WRITES.test(record.action) ? "kms:GenerateDataKey" : "kms:Decrypt";
}

/** The KMS key-policy fix: a statement naming the role, or a grant that needs no key-policy edit. */
export function keyPolicyFix(record: DenialRecord, subject: Subject): FixDraft {
  if (record.kind === "lambda-stale-grant") return staleGrantFix(subject);
  if (record.statedReason === "explicit-deny") return keyPolicyDenyFix(record, subject);
  if (subject.principal?.kind === "service" && subject.principal.name)
    return serviceKeyPolicyFix(subject, subject.principal.name);
  if (refusesLogsKey(record)) return logsKeyPolicyFix(subject);
  const key = keyIdOf(subject);
  const action = kmsActionFor(record);
  const operation = action.split(":")[1] ?? "Decrypt";
  const statement = {
    Sid: "AllowRoleToUseKey",
    Effect: "Allow",
    Principal: { AWS: subject.principalArn },
    Action: action,
    Resource: "*",
  };
  const rendered = prepare(statement);
  const notes = [
    'In a key policy, "Resource": "*" means "this key": it grants nothing on other keys.',
    "A grant is the alternative that leaves the key policy alone; it can take up to five minutes to take effect.",
  ];
  if (record.excerpt.includes("does not exist in this Region"))
    notes.unshift(
      "AWS gives three causes here: first check that the key exists in this Region (a bucket's default encryption or a " +
        "copied setting may name another Region's key), then the key policy, which may also hold a Deny for this role.",
    );
  if (record.kind === "lambda-env-kms")
    notes.push(
      "After fixing, update the function's configuration so Lambda retries decrypting its environment variables.",
    );
  return {
    layer: "kms-key-policy",
    title: `Let ${subject.identityName} use the key for ${action}`,
    owner: "key-admin",
    statement,
    additionalStatements: [],
    target: `key policy of ${key}`,
    cli:
      `${keyPolicyEdit(key)}\n` +
      "# or, without touching the key policy:\n" +
      `aws kms create-grant --key-id ${shellWord(key)} --grantee-principal ${shellWord(subject.principalArn)} --operations ${shellWord(operation)}`,
    terraform:
      `# Either add the statement to aws_kms_key.policy, or grant without editing the key policy:\n` +
      `resource "aws_kms_grant" "${identifier(`${subject.identityName}_${operation}`)}" {\n` +
      `  name              = "whydenied-${identifier(subject.identityName, "-")}"\n` +
      `  key_id            = ${hclQuote(key)}\n  grantee_principal = ${hclQuote(subject.principalArn)}\n` +
      `  operations        = [${hclQuote(operation)}]\n}`,
    sam: keyPolicyTemplate(rendered),
    consoleUrl: keyConsoleUrl(subject, key),
    requestText:
      `Hi — our role ${subject.principalArn} is denied ${action} on KMS key ${key}. Could you add this ` +
      `statement to the key policy (or create a grant for ${operation})?\n\n` +
      `${prettyJson(rendered)}`,
    notes,
  };
}

/**
 * An explicit Deny in the key policy: no Allow, grant or IAM policy overrides it, so the fix is to find that Deny and
 * either meet its Condition or narrow it.
 */
function keyPolicyDenyFix(record: DenialRecord, subject: Subject): FixDraft {
  const key = keyIdOf(subject);
  const action = kmsActionFor(record);
  const find =
    `find the Deny statement whose Action matches ${action} (or kms:*) and whose Principal and Condition match ` +
    `${subject.principalArn}`;
  const conditions =
    "Its Condition names what the call must satisfy (kms:RecipientAttestation:* for a Nitro Enclave, kms:ViaService, " +
    "kms:EncryptionContext:*, aws:SourceVpce, aws:PrincipalArn): meet it, or narrow the Deny so this call no longer matches.";
  return {
    layer: "kms-key-policy",
    title: `Narrow or remove the Deny on ${action} in the key policy`,
    owner: "key-admin",
    statement: null,
    additionalStatements: [],
    target: `key policy of ${key}`,
    cli:
      `aws kms get-key-policy --key-id ${shellWord(key)} --policy-name default --output text > key-policy.json\n` +
      `# ${find}; meet its Condition in the call, or narrow or remove the statement, then:\n` +
      `aws kms put-key-policy --key-id ${shellWord(key)} --policy-name default --policy file://key-policy.json`,
    terraform: `# In aws_kms_key.policy of ${key}: ${find}, and narrow or remove it. Keep every other statement.`,
    sam: `# In the AWS::KMS::Key's KeyPolicy: ${find}, and narrow or remove it. Keep every other statement.`,
    consoleUrl: keyConsoleUrl(subject, key),
    requestText:
      `Hi — our role ${subject.principalArn} is denied ${action} on KMS key ${key} by an explicit Deny in the key ` +
      `policy. Could you tell us which Condition the call must meet, or narrow the Deny?\n\nAWS error: ${record.excerpt}`,
    notes: [
      "The key policy has a Deny that matches this call: an Allow, a grant or an IAM policy will not help.",
      conditions,
    ],
  };
}

/** The role was recreated under the same name: Lambda's grant names the old role id. */
function staleGrantFix(subject: Subject): FixDraft {
  const fn = subject.functionName ?? "<FUNCTION_NAME>";
  return {
    layer: "kms-key-policy",
    title: `Refresh Lambda's KMS grant for ${fn}`,
    owner: "you",
    statement: null,
    additionalStatements: [],
    target: `the KMS grant Lambda holds for function ${fn}`,
    cli:
      `# Any configuration change makes Lambda create a fresh grant for the current role:\n` +
      `aws lambda update-function-configuration --function-name ${shellWord(fn)} --description "refresh KMS grant"`,
    terraform:
      "# Re-apply the function with any configuration change (for example its description) to refresh the grant.",
    sam: "# Redeploy the function with any configuration change (for example its Description) to refresh the grant.",
    consoleUrl: null,
    requestText: null,
    notes: [
      "Deleting and recreating a role with the same name gives it a new id; grants made for the old id no longer match.",
    ],
  };
}

/**
 * An AWS service using the key for you (SNS delivering to an encrypted queue, EventBridge or S3 to an encrypted topic):
 * the key policy must name the service principal, with both actions an encrypted delivery asks KMS for. No grant can
 * name a service principal, so the key policy is the only way.
 */
function serviceKeyPolicyFix(subject: Subject, service: string): FixDraft {
  const key = keyIdOf(subject);
  const statement = {
    Sid: "AllowServiceToUseKey",
    Effect: "Allow",
    Principal: { Service: service },
    Action: ["kms:GenerateDataKey", "kms:Decrypt"],
    Resource: "*",
  };
  return serviceStatementDraft(subject, key, statement, {
    title: `Let ${service} use the key`,
    request: `${service} is denied the use of KMS key ${key} when it delivers to our encrypted target.`,
    notes: [
      'In a key policy, "Resource": "*" means "this key": it grants nothing on other keys.',
      "An encrypted delivery asks KMS for a data key and to decrypt: the statement allows both. A key AWS manages " +
        "(alias/aws/sqs, alias/aws/sns) cannot be shared with a service this way: encrypt the target with a key you manage.",
      `Limit it to your own source: add "Condition": {"ArnEquals": {"aws:SourceArn": "<SOURCE_ARN>"}} with the topic, ` +
        "bucket or rule that delivers.",
    ],
  });
}

/** A statement a key administrator adds to the key policy for a service principal: the edit, its forms, the request. */
function serviceStatementDraft(
  subject: Subject,
  key: string,
  statement: Record<string, unknown>,
  text: { title: string; request: string; notes: string[] },
): FixDraft {
  const rendered = prepare(statement);
  return {
    layer: "kms-key-policy",
    title: text.title,
    owner: "key-admin",
    statement,
    additionalStatements: [],
    target: `key policy of ${key}`,
    cli: keyPolicyEdit(key),
    terraform: `# Add the statement to the Statement list of aws_kms_key.policy for ${key}.`,
    sam: keyPolicyTemplate(rendered),
    consoleUrl: keyConsoleUrl(subject, key),
    requestText: `Hi — ${text.request} Could you add this statement to the key policy?\n\n${prettyJson(rendered)}`,
    notes: text.notes,
  };
}

/** What CloudWatch Logs asks KMS for on a log group's key, as AWS's key-policy example for Logs lists it, spelled out. */
const LOGS_KEY_ACTIONS = [
  "kms:Encrypt",
  "kms:Decrypt",
  "kms:ReEncryptFrom",
  "kms:ReEncryptTo",
  "kms:GenerateDataKey",
  "kms:GenerateDataKeyWithoutPlaintext",
  "kms:DescribeKey",
];

/** The log group's ARN with a hidden account field replaced by the subject's account (a placeholder when hidden too). */
function logGroupArnOf(subject: Subject): string {
  const arn = subject.resourceArn ? parseArn(subject.resourceArn) : null;
  if (!arn) return `arn:${subject.partition}:logs:${subject.region}:${subject.account}:log-group:*`;
  const account = isAccountId(arn.account) ? arn.account : subject.account;
  return `arn:${arn.partition}:logs:${arn.region || subject.region}:${account}:${arn.resource}`;
}

/**
 * CloudWatch Logs refused a log group's key: the key policy must let the Region's Logs service principal use it, for
 * this log group only (the encryption context Logs sends names it: kms:EncryptionContext:aws:logs:arn).
 */
function logsKeyPolicyFix(subject: Subject): FixDraft {
  const key = keyIdOf(subject);
  const logGroup = logGroupArnOf(subject);
  const service = `logs.${subject.region}.amazonaws.com`;
  const statement = {
    Sid: "AllowCloudWatchLogsToUseKey",
    Effect: "Allow",
    Principal: { Service: service },
    Action: LOGS_KEY_ACTIONS,
    Resource: "*",
    Condition: { ArnLike: { "kms:EncryptionContext:aws:logs:arn": logGroup } },
  };
  return serviceStatementDraft(subject, key, statement, {
    title: `Let CloudWatch Logs (${service}) use the key for log group ${logGroup.split(":").pop() ?? logGroup}`,
    request: `CloudWatch Logs may not use KMS key ${key} for log group ${logGroup}.`,
    notes: [
      "CloudWatch Logs uses the key itself, as its service principal in the log group's Region: the key policy must " +
        "name it, and no IAM policy of the caller can stand in. The condition limits it to this log group (end the ARN " +
        "in * for every log group of the account).",
      "Check too that the key exists in the log group's Region and is enabled: Logs gives the same words for a key ARN " +
        "of another Region or a deleted key.",
    ],
  });
}
