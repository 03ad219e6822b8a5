import type { Subject } from "../iam";
import { isModelAccessDenial, type Check, type DenialRecord } from "../model";
import { SERVICE_GRANT_RULES } from "./service-grants";

/**
 * The settings and grants outside every IAM policy that a family of message names: what refused the request when no
 * policy edit would lift it. Classify ranks them as `account-setting`, and the fix stage writes each one's change.
 */
export type OutsideSetting =
  | "s3-block-public-access"
  | "bedrock-model-access"
  | "s3-object-ownership"
  | "s3-object-writer"
  | "vm-export-bucket-acl"
  | "api-authorizer"
  | "eks-cluster-access"
  | "organizations-management-account"
  | "opensearch-fine-grained-access"
  | "iot-policy"
  | "organizations-membership"
  | "greengrass-service-role"
  | "delegated-admin-listing"
  | "macie-not-enabled";

/** One setting, the records whose words point at it, and how sure they make it. */
export interface SettingRule {
  setting: OutsideSetting;
  matches: (record: DenialRecord) => boolean;
  /** How sure the message makes it: high when the words are the setting's own, lower when IAM can say the same. */
  confidence: number;
  /** A confidence of its own for the records that show the setting's signs more plainly, else null. */
  confidenceFor?: (record: DenialRecord) => number | null;
  why: string;
  check: (record: DenialRecord, subject: Subject) => Check;
}

/** S3 calls that Block Public Access refuses when what they write would make the bucket or object public. */
const PUBLIC_ACCESS_CALLS = new Set([
  "s3:PutBucketPolicy",
  "s3:PutBucketAcl",
  "s3:PutObjectAcl",
  "s3:PutAccessPointPolicy",
]);

/** Object reads an object's ACL decides when another account owns the object. */
const OBJECT_READS = new Set(["s3:GetObject", "s3:GetObjectVersion", "s3:GetObjectAcl"]);

const says = (record: DenialRecord, ...phrases: string[]) => phrases.some((phrase) => record.excerpt.includes(phrase));

/** Calls that write a policy: S3 refuses a public one with a bare Access Denied that names no caller, unlike IAM's. */
const POLICY_CALLS = new Set(["s3:PutBucketPolicy", "s3:PutAccessPointPolicy"]);

/** The setting a call that can make a bucket public may hit; what the account-setting check shows by default. */
const PUBLIC_ACCESS_RULE: SettingRule = {
  setting: "s3-block-public-access",
  matches: (record) => record.statedPolicyType === null && !!record.action && PUBLIC_ACCESS_CALLS.has(record.action),
  // IAM's denial names the caller; a bare one for a policy write is most often BlockPublicPolicy: ranked first.
  confidence: 0.2,
  confidenceFor: (record) => (!record.principal && POLICY_CALLS.has(record.action ?? "") ? 0.45 : null),
  why: "S3 Block Public Access (on by default) refuses a policy or ACL that would make the bucket public, with this same AccessDenied.",
  check: (_record, subject) => ({
    description:
      "Read the bucket's and the account's Block Public Access settings: BlockPublicPolicy or BlockPublicAcls true refuses it.",
    command:
      `aws s3api get-public-access-block --bucket ${subject.bucket ?? "<BUCKET_NAME>"} && ` +
      `aws s3control get-public-access-block --account-id ${subject.account}`,
  }),
};

/** Most specific first: the first rule a record matches is its setting. */
const RULES: SettingRule[] = [
  {
    setting: "bedrock-model-access",
    matches: (record) =>
      says(record, "Your account is not authorized to invoke this API operation") &&
      !says(record, "with a prompt resource"),
    confidence: 0.75,
    why:
      "Bedrock says this when the account has no access to the model in this Region: model access is granted per " +
      "Region (Bedrock console, Model access), and some models are offered in a few Regions only.",
    check: () => ({
      description:
        "See whether the account has access to the model (an account-level agreement, not an IAM permission).",
      command: "aws bedrock list-foundation-models --query 'modelSummaries[].[modelId,modelLifecycle.status]'",
    }),
  },
  {
    setting: "s3-object-ownership",
    matches: (record) => says(record, "AccessControlListNotSupported", "The bucket does not allow ACLs"),
    confidence: 0.9,
    why:
      'The bucket\'s Object Ownership is "bucket owner enforced", which turns ACLs off: a request that sends an ACL ' +
      "(x-amz-acl, ACL: 'public-read' in the SDK call) is refused whatever the policies allow.",
    check: (_record, subject) => ({
      description: "Read the bucket's Object Ownership: BucketOwnerEnforced refuses every request that sets an ACL.",
      command: `aws s3api get-bucket-ownership-controls --bucket ${subject.bucket ?? "<BUCKET_NAME>"}`,
    }),
  },
  {
    setting: "vm-export-bucket-acl",
    matches: (record) => says(record, "vm-import-export@amazon.com must have"),
    confidence: 0.9,
    why:
      "VM Import/Export writes the exported image as a grantee of the bucket's ACL, not through a policy: the bucket " +
      "ACL must grant it WRITE and READ_ACP (and Object Ownership must allow ACLs).",
    check: (_record, subject) => ({
      description: "Read the export bucket's ACL grants: the VM Import/Export grantee must have WRITE and READ_ACP.",
      command: `aws s3api get-bucket-acl --bucket ${subject.bucket ?? "<EXPORT_BUCKET>"}`,
    }),
  },
  {
    setting: "api-authorizer",
    matches: (record) =>
      says(record, "User is not authorized to access this resource") ||
      (record.service === "appsync" && !record.principal && says(record, "UnauthorizedException")),
    confidence: 0.85,
    why:
      "The API's own authorizer refused the caller before IAM was asked: a Lambda authorizer returned Deny (or a cached " +
      "policy whose Resource does not cover this method), or the token does not match the authorization mode.",
    check: (record) =>
      record.service === "appsync"
        ? {
            description:
              "Read the API's authorization modes: the request must use one of them (API key, Cognito, Lambda, OIDC or IAM).",
            command:
              "aws appsync get-graphql-api --api-id <API_ID> --query 'graphqlApi.[authenticationType,additionalAuthenticationProviders]'",
          }
        : {
            description:
              "List the API's authorizers and their result cache TTL: a cached Deny (or Allow for one method only) answers later calls.",
            command:
              "aws apigateway get-authorizers --rest-api-id <API_ID> --query 'items[].[name,type,authorizerResultTtlInSeconds]'",
          },
  },
  {
    setting: "eks-cluster-access",
    matches: (record) =>
      record.service === "eks" &&
      (says(record, "You must be logged in to the server") || says(record, "have access to Kubernetes objects")),
    confidence: 0.85,
    why:
      "The cluster did not map the IAM identity to a Kubernetes user: only the cluster's creator is mapped at first, " +
      "every other role or user needs an access entry (or a line in the aws-auth ConfigMap). Check too that kubeconfig " +
      "runs with the profile you expect.",
    check: () => ({
      description: "Compare the identity kubectl signs with against the cluster's access entries.",
      command: "aws sts get-caller-identity && aws eks list-access-entries --cluster-name <CLUSTER_NAME>",
    }),
  },
  {
    setting: "organizations-management-account",
    matches: (record) =>
      record.service === "organizations" && says(record, "t have permissions to access this resource"),
    confidence: 0.5,
    why:
      "Organizations answers calls like this only in the management account or a delegated administrator account: " +
      "from any other account it refuses them whatever the caller's policy allows.",
    check: () => ({
      description: "See which account the credentials are in, and whether it is the organization's management account.",
      command:
        "aws sts get-caller-identity --query Account && aws organizations describe-organization --query Organization.MasterAccountId",
    }),
  },
  ...SERVICE_GRANT_RULES,
  {
    setting: "macie-not-enabled",
    // IAM's own sentence names a missing Allow; the bare AccessDenied is Macie's answer in an account that never enabled it.
    matches: (record) => record.action === "macie2:GetMacieSession" && record.kind === "generic-denied",
    confidence: 0.6,
    why:
      "Macie answers GetMacieSession with AccessDenied in an account and Region where Macie is not enabled, whatever " +
      "the caller's policy allows: AWS Config's and Security Hub's periodic probes log this denial in every such account.",
    check: () => ({
      description: "Ask Macie whether it is enabled here: an AccessDenied from an admin too means it is not.",
      command: "aws macie2 get-macie-session --query status",
    }),
  },
  PUBLIC_ACCESS_RULE,
  {
    setting: "s3-object-writer",
    matches: (record) =>
      record.service === "s3" &&
      // A body-less HEAD 403 keeps its own ranking: its unsaid-cause candidate stands for what the missing body hides.
      record.kind !== "http-forbidden" &&
      record.statedPolicyType === null &&
      !record.principal &&
      (record.action === null || OBJECT_READS.has(record.action)),
    confidence: 0.1,
    why:
      "An object another account wrote (a cross-account upload, UNLOAD or replication) belongs to that account while " +
      "the bucket keeps ACLs: its ACL, not the bucket policy, decides who reads it, and S3 answers a bare Access Denied.",
    check: (_record, subject) => ({
      description:
        "Compare the object's owner with the bucket's, and read the bucket's Object Ownership: anything but BucketOwnerEnforced keeps writers' ownership.",
      command:
        `aws s3api get-object-acl --bucket ${subject.bucket ?? "<BUCKET_NAME>"} --key <OBJECT_KEY> --query Owner && ` +
        `aws s3api get-bucket-ownership-controls --bucket ${subject.bucket ?? "<BUCKET_NAME>"}`,
    }),
  },
];

function ruleOf(record: DenialRecord): SettingRule | null {
  return RULES.find((rule) => rule.matches(record)) ?? null;
}

/** The setting outside every policy that this denial's words point at, if any. */
export function outsideSettingOf(record: DenialRecord): OutsideSetting | null {
  return isModelAccessDenial(record) ? "bedrock-model-access" : (ruleOf(record)?.setting ?? null);
}

/** How likely the setting is the cause, and why, for the ranking; null when the words point at none. */
export function outsideSettingRank(record: DenialRecord): { confidence: number; why: string } | null {
  const rule = ruleOf(record);
  return rule && { confidence: rule.confidenceFor?.(record) ?? rule.confidence, why: rule.why };
}

/** The command that shows the setting this denial points at (Block Public Access when nothing more specific). */
export function outsideSettingCheck(record: DenialRecord, subject: Subject): Check {
  const setting = outsideSettingOf(record);
  const rule = RULES.find((candidate) => candidate.setting === setting) ?? PUBLIC_ACCESS_RULE;
  return rule.check(record, subject);
}
