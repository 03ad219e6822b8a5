import { ownEntry } from "../own";

/**
 * What a CloudTrail record's `requestParameters` name, read for the fix: the values of IAM ARN template variables
 * (`instanceId` → `InstanceId`, `bucketName` → `BucketName`, `key` → `ObjectName`) and the ARNs among them.
 */
export interface RequestValues {
  /** ARN template variable (as the IAM reference spells it) → value. */
  variables: Record<string, string>;
  /** ARN-valued parameters, in the record's order. */
  arns: string[];
}

/** Parameter names that differ from the template variable they fill, per service; the rest capitalise the key. */
const VARIABLE_OF_KEY: Record<string, Record<string, string>> = {
  s3: { key: "ObjectName" },
  iam: { roleName: "RoleNameWithPath", userName: "UserNameWithPath", groupName: "GroupNameWithPath" },
  ec2: { groupId: "SecurityGroupId" },
  rds: {
    dBInstanceIdentifier: "DbInstanceName",
    dBClusterIdentifier: "DbClusterInstanceName",
    dBSnapshotIdentifier: "SnapshotName",
    dBClusterSnapshotIdentifier: "ClusterSnapshotName",
    dBSecurityGroupName: "SecurityGroupName",
  },
  ssm: { name: "ParameterNameWithoutLeadingSlash" },
};

/** Parameters that name a resource; the others (`Granularity`, `attribute`, `x-amz-acl`) are settings. */
const IDENTIFIER_KEY = /(?:Id|Name|Arn|ARN|Url|Identifier)$/;
/** A value a policy can name: no spaces, wildcards or placeholders, of an ARN's length at most. */
const READABLE_VALUE = /^[^\s*<>"]{1,1024}$/;
const QUEUE_URL = /^https:\/\/sqs\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/(\d{12})\/([\w-]{1,80}(?:\.fifo)?)$/;
/** Parameters read per record: CloudTrail writes a few dozen at most at the top level. */
const MAX_KEYS = 64;

const NONE: RequestValues = { variables: {}, arns: [] };

/** Reads the top-level identifiers of `requestParameters` for a call of `service` (its IAM prefix). */
export function readRequestValues(service: string, requestParameters: unknown): RequestValues {
  if (requestParameters === null || typeof requestParameters !== "object" || Array.isArray(requestParameters))
    return NONE;
  const aliases = ownEntry(VARIABLE_OF_KEY, service);
  const variables: Record<string, string> = {};
  const arns: string[] = [];
  let read = 0;
  for (const [key, value] of Object.entries(requestParameters)) {
    if (read++ >= MAX_KEYS) break;
    if (typeof value !== "string" || !READABLE_VALUE.test(value)) continue;
    const alias = aliases ? ownEntry(aliases, key) : undefined;
    if (!alias && !IDENTIFIER_KEY.test(key)) continue;
    if (value.startsWith("arn:")) {
      arns.push(value);
      continue;
    }
    const queue = key === "queueUrl" ? QUEUE_URL.exec(value) : null;
    if (queue) {
      variables.Region = queue[1]!;
      variables.Account = queue[2]!;
      variables.QueueName = queue[3]!;
      continue;
    }
    // A key alias (alias/…) stands for a key whose id the record does not show.
    if (key === "keyId" && value.startsWith("alias/")) continue;
    const variable = alias ?? key.charAt(0).toUpperCase() + key.slice(1);
    variables[variable] = valueFor(variable, value);
  }
  return { variables, arns };
}

function valueFor(variable: string, value: string): string {
  if (variable === "ParameterNameWithoutLeadingSlash") return value.replace(/^\/+/, "");
  // A secret's ARN ends in six random characters its name does not have.
  if (variable === "SecretId") return `${value}-*`;
  return value;
}

/** Services whose calls act on another service's resources: STS assumes IAM roles. */
const RESOURCE_SERVICE: Record<string, string> = { sts: "iam" };

/** The request's ARN of the called service's own kind, which is the resource the call acts on; null when none is. */
export function requestResourceArn(service: string, values: RequestValues): string | null {
  const prefix = `:${ownEntry(RESOURCE_SERVICE, service) ?? service}:`;
  return values.arns.find((arn) => arn.indexOf(prefix) === arn.indexOf(":", 4)) ?? null;
}
