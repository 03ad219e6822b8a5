import { outsideSettingOf, type OutsideSetting } from "../classify";
import type { Subject } from "../iam";
import type { DenialRecord, FixDraft } from "../model";
import { shellWord, singleQuoted } from "./shell";
import { settingDraft } from "./setting-draft";
import { SERVICE_GRANT_FIXES } from "./service-grants";

const NO_POLICY_CHANGE = "no policy change";

/** IAM applies a new role or policy within seconds: the fix is to wait, and in a deployment to make the wait explicit. */
function propagationFix(record: DenialRecord, subject: Subject): FixDraft {
  const action = record.action ?? "the call";
  return {
    layer: "propagation-delay",
    title: `Retry ${action} in a few seconds: IAM is still applying a new role or policy`,
    owner: "you",
    statement: null,
    additionalStatements: [],
    target: NO_POLICY_CHANGE,
    cli: record.principal
      ? `# Confirm the policy already allows it, then retry the call:\n` +
        `aws iam simulate-principal-policy --policy-source-arn ${shellWord(subject.principalArn)} --action-names ${shellWord(record.action ?? "<ACTION>")} ` +
        `--query 'EvaluationResults[].[EvalActionName,EvalDecision]'`
      : "# Retry the call in a few seconds: if it is denied again, the other candidates apply.",
    terraform:
      `# Wait for IAM before the resource that uses the role (hashicorp/time provider):\n` +
      `resource "time_sleep" "iam_propagation" {\n` +
      `  depends_on      = [aws_iam_role_policy.this] # the policy resource that grants the call\n` +
      `  create_duration = "15s"\n}\n` +
      `# then add depends_on = [time_sleep.iam_propagation] to the resource that was denied`,
    sam:
      "# CloudFormation: make the resource that was denied DependsOn the policy resource that grants it,\n" +
      "# so the policy exists first; if it still fails at once, a retry of the stack update succeeds.",
    consoleUrl: null,
    requestText: null,
    notes: [
      "IAM is eventually consistent: a change can take a few seconds to reach every endpoint. If the simulator says " +
        "allowed and a retry succeeds, nothing needs to change; if it says denied, the other candidates apply.",
    ],
  };
}

function s3PublicAccessFix(subject: Subject): FixDraft {
  const bucket = subject.bucket ?? "<BUCKET_NAME>";
  const bucketWord = shellWord(bucket);
  return {
    layer: "account-setting",
    title: `S3 Block Public Access refuses a public policy or ACL on ${bucket}`,
    owner: "you",
    statement: null,
    additionalStatements: [],
    target: `Block Public Access of bucket ${bucket} (and of account ${subject.account})`,
    cli:
      `aws s3api get-public-access-block --bucket ${bucketWord}\n` +
      `# Only if the bucket must be public (a website, public downloads):\n` +
      `aws s3api put-public-access-block --bucket ${bucketWord} --public-access-block-configuration ` +
      `BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=false,RestrictPublicBuckets=false`,
    terraform:
      `# Edit the bucket's aws_s3_bucket_public_access_block (one per bucket: it sets all four flags):\n` +
      `resource "aws_s3_bucket_public_access_block" "this" {\n  bucket                  = "${bucket}"\n` +
      `  block_public_acls       = true\n  ignore_public_acls      = true\n  block_public_policy     = false\n` +
      `  restrict_public_buckets = false\n}`,
    sam:
      `# CloudFormation: on the AWS::S3::Bucket\nPublicAccessBlockConfiguration:\n  BlockPublicAcls: true\n` +
      `  IgnorePublicAcls: true\n  BlockPublicPolicy: false\n  RestrictPublicBuckets: false`,
    consoleUrl: null,
    requestText: null,
    notes: [
      "Prefer a policy that is not public (name the principals, or serve through CloudFront with origin access " +
        "control) over turning Block Public Access off. An account-level setting also applies: " +
        "`aws s3control get-public-access-block --account-id " +
        `${shellWord(subject.account)}\` shows it.`,
    ],
  };
}

function modelAccessFix(): FixDraft {
  return {
    layer: "account-setting",
    title: "Give the account access to the model (a one-time subscription, not a policy)",
    owner: "you",
    statement: null,
    additionalStatements: [],
    target: "the account's Bedrock model access",
    cli: "aws bedrock list-foundation-models --query 'modelSummaries[].[modelId,modelLifecycle.status]'",
    terraform: "# Model access is an account agreement: accept it once in the Bedrock console (Model access).",
    sam: "# Model access is an account agreement: accept it once in the Bedrock console (Model access).",
    consoleUrl: null,
    requestText: null,
    notes: [
      "Someone allowed aws-marketplace:Subscribe (an administrator) accepts the model's terms once, in the Bedrock " +
        "console's Model access page or by invoking the model once; after that, callers need only bedrock:InvokeModel.",
    ],
  };
}

function objectOwnershipFix(subject: Subject): FixDraft {
  const bucket = subject.bucket ?? "<BUCKET_NAME>";
  return settingDraft({
    title: `Send the request without an ACL: bucket ${bucket} has ACLs turned off (Object Ownership)`,
    target: `the request's ACL (x-amz-acl), or Object Ownership of bucket ${bucket}`,
    cli:
      `# Drop the ACL from the call (--acl, ACL: 'public-read' in the SDK); only bucket-owner-full-control is still accepted.\n` +
      `aws s3api get-bucket-ownership-controls --bucket ${shellWord(bucket)}\n` +
      `# Only if the objects must keep ACLs:\naws s3api put-bucket-ownership-controls --bucket ${shellWord(bucket)} ` +
      `--ownership-controls 'Rules=[{ObjectOwnership=BucketOwnerPreferred}]'`,
    terraform:
      `# Remove acl from the aws_s3_object (or the SDK call). Only if the objects must keep ACLs:\n` +
      `resource "aws_s3_bucket_ownership_controls" "this" {\n  bucket = "${bucket}"\n  rule {\n` +
      `    object_ownership = "BucketOwnerPreferred"\n  }\n}`,
    sam:
      "# CloudFormation, on the AWS::S3::Bucket, only if the objects must keep ACLs:\n" +
      "OwnershipControls:\n  Rules:\n    - ObjectOwnership: BucketOwnerPreferred",
    notes: [
      "New buckets enforce bucket ownership (ACLs off) by default, and AWS recommends keeping it so: grant access " +
        "with the bucket policy instead of ACLs, and the request needs no ACL at all.",
    ],
  });
}

function objectWriterFix(subject: Subject): FixDraft {
  const bucket = subject.bucket ?? "<BUCKET_NAME>";
  return settingDraft({
    title: `Make bucket ${bucket}'s owner own its objects: another account may have written them (Object Ownership)`,
    target: `Object Ownership of bucket ${bucket}`,
    cli:
      `aws s3api get-object-acl --bucket ${shellWord(bucket)} --key <OBJECT_KEY> --query Owner   # another account's id?\n` +
      `aws s3api put-bucket-ownership-controls --bucket ${shellWord(bucket)} ` +
      `--ownership-controls 'Rules=[{ObjectOwnership=BucketOwnerEnforced}]'`,
    terraform:
      `resource "aws_s3_bucket_ownership_controls" "this" {\n  bucket = "${bucket}"\n  rule {\n` +
      `    object_ownership = "BucketOwnerEnforced"\n  }\n}`,
    sam: "# CloudFormation, on the AWS::S3::Bucket:\nOwnershipControls:\n  Rules:\n    - ObjectOwnership: BucketOwnerEnforced",
    notes: [
      "BucketOwnerEnforced turns ACLs off and makes the bucket's account own every object, those written before too: " +
        "the bucket policy and the readers' own policies then decide alone. Writers that still send an ACL other than " +
        "bucket-owner-full-control are refused after the change.",
    ],
  });
}

function exportBucketAclFix(subject: Subject): FixDraft {
  const bucket = subject.bucket ?? "<EXPORT_BUCKET>";
  const grantee = "id=<VM_IMPORT_EXPORT_CANONICAL_ID>";
  return settingDraft({
    title: `Grant VM Import/Export WRITE and READ_ACP in the ACL of bucket ${bucket}`,
    target: `the ACL of bucket ${bucket}`,
    cli:
      `# put-bucket-acl replaces the whole ACL: keep the owner's FULL_CONTROL in it.\n` +
      `aws s3api put-bucket-acl --bucket ${shellWord(bucket)} --grant-full-control id=<OWNER_CANONICAL_ID> ` +
      `--grant-write ${grantee} --grant-read-acp ${grantee}`,
    terraform:
      `resource "aws_s3_bucket_acl" "export" {\n  bucket = "${bucket}"\n  access_control_policy {\n` +
      `    owner { id = "<OWNER_CANONICAL_ID>" }\n` +
      ["FULL_CONTROL", "WRITE", "READ_ACP"]
        .map(
          (permission) =>
            `    grant {\n      permission = "${permission}"\n      grantee {\n        type = "CanonicalUser"\n` +
            `        id   = "${permission === "FULL_CONTROL" ? "<OWNER_CANONICAL_ID>" : "<VM_IMPORT_EXPORT_CANONICAL_ID>"}"\n      }\n    }\n`,
        )
        .join("") +
      `  }\n}`,
    sam: "# CloudFormation sets only canned ACLs on a bucket: grant the VM Import/Export canonical user with put-bucket-acl.",
    notes: [
      "The VM Import/Export guide lists the grantee's canonical ID for each Region. The bucket's Object Ownership must " +
        "allow ACLs (BucketOwnerPreferred or ObjectWriter), or no grant takes effect.",
    ],
  });
}

function authorizerFix(record: DenialRecord): FixDraft {
  if (record.service === "appsync")
    return settingDraft({
      title: "Fix the AppSync authorizer's answer: it refused the call, not IAM",
      target: "the API's authorization mode or authorizer",
      cli:
        "aws appsync get-graphql-api --api-id <API_ID> --query 'graphqlApi.[authenticationType,additionalAuthenticationProviders]'\n" +
        '# A Lambda authorizer must return {"isAuthorized": true}; an API key must be current; a Cognito or OIDC token must match the mode.',
      terraform: "# No IAM change: the aws_appsync_graphql_api's authentication_type or its authorizer's code decides.",
      sam: "# No IAM change: the AWS::AppSync::GraphQLApi's AuthenticationType or its authorizer's code decides.",
      notes: ["An IAM policy only decides for requests signed with SigV4 to an API whose mode is AWS_IAM."],
    });
  return settingDraft({
    title: "Fix the API Gateway authorizer's answer: it returned Deny, not IAM",
    target: "the API's Lambda or Cognito authorizer",
    cli:
      "aws apigateway test-invoke-authorizer --rest-api-id <API_ID> --authorizer-id <AUTHORIZER_ID> --headers Authorization=<TOKEN>\n" +
      "# A cached answer serves later calls for its TTL: flush it after fixing the authorizer.\n" +
      "aws apigateway flush-stage-authorizers-cache --rest-api-id <API_ID> --stage-name <STAGE>",
    terraform:
      "# No IAM change: the authorizer's code (its policy's Resource) or the aws_api_gateway_authorizer's TTL decides.",
    sam: "# No IAM change: the authorizer's code (its policy's Resource) or its ReauthorizeEvery/TTL decides.",
    notes: [
      "A Lambda authorizer's policy is cached per token for every method: return a Resource that covers all of them " +
        "(arn:aws:execute-api:<REGION>:<ACCOUNT_ID>:<API_ID>/<STAGE>/*/*) or set the TTL to 0 while testing.",
    ],
  });
}

function eksAccessFix(subject: Subject): FixDraft {
  const principal = shellWord(subject.principalArn);
  const cluster = "--cluster-name <CLUSTER_NAME>";
  return settingDraft({
    title: `Give ${subject.principalArn} an access entry on the EKS cluster`,
    target: "the cluster's access entries (or its aws-auth ConfigMap)",
    cli:
      `aws eks create-access-entry ${cluster} --principal-arn ${principal}\n` +
      `aws eks associate-access-policy ${cluster} --principal-arn ${principal} ` +
      `--policy-arn arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy --access-scope type=cluster`,
    terraform:
      `resource "aws_eks_access_entry" "this" {\n  cluster_name  = "<CLUSTER_NAME>"\n  principal_arn = "${subject.principalArn}"\n}\n` +
      `resource "aws_eks_access_policy_association" "this" {\n  cluster_name  = "<CLUSTER_NAME>"\n` +
      `  principal_arn = "${subject.principalArn}"\n  policy_arn    = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy"\n` +
      `  access_scope {\n    type = "cluster"\n  }\n}`,
    sam:
      `Type: AWS::EKS::AccessEntry\nProperties:\n  ClusterName: <CLUSTER_NAME>\n  PrincipalArn: ${subject.principalArn}\n` +
      `  AccessPolicies:\n    - PolicyArn: arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy\n      AccessScope:\n        Type: cluster`,
    notes: [
      "Pick the access policy the identity needs (AmazonEKSViewPolicy, AmazonEKSEditPolicy, AmazonEKSClusterAdminPolicy). " +
        "A cluster in CONFIG_MAP mode has no access entries: map the role in the aws-auth ConfigMap instead " +
        "(eksctl create iamidentitymapping), or switch the mode to API_AND_CONFIG_MAP.",
    ],
  });
}

/** Macie refuses its session call where it is off: a probe's denial (AWS Config) needs no policy change. */
function macieNotEnabledFix(): FixDraft {
  return settingDraft({
    title: "Enable Macie in this account and Region, or leave the probe's denial alone",
    owner: "you",
    target: "Amazon Macie in this account and Region",
    cli: "aws macie2 get-macie-session --query status   # AccessDenied: Macie is off\naws macie2 enable-macie   # only if you want Macie",
    terraform: 'resource "aws_macie2_account" "this" {}   # only if you want Macie',
    sam: "# Macie is enabled per account and Region (aws macie2 enable-macie), not by a policy.",
    requestText: null,
    notes: [
      "When AWS Config or Security Hub makes the call (invokedBy config.amazonaws.com), it is a periodic check of " +
        "whether Macie runs: the denial is expected in an account without Macie, and no policy change stops it.",
    ],
  });
}

function managementAccountFix(subject: Subject): FixDraft {
  const delegation = JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { AWS: `arn:${subject.partition}:iam::${subject.account}:root` },
        Action: ["organizations:Describe*", "organizations:List*"],
        Resource: "*",
      },
    ],
  });
  return settingDraft({
    title: "Call Organizations from the management account, or delegate it to this account",
    owner: "organization-admin",
    target: "the organization's delegation policy (in the management account)",
    cli:
      "aws sts get-caller-identity --query Account\n" +
      "# From the management account: let this account read the organization.\n" +
      `aws organizations put-resource-policy --content ${singleQuoted(delegation)}`,
    terraform: `resource "aws_organizations_resource_policy" "delegate_read" {\n  content = jsonencode(${delegation})\n}`,
    sam: "# Organizations' delegation policy is set from the management account (put-resource-policy), not in a member stack.",
    requestText:
      `Please let account ${subject.account} read the organization: a delegation policy (aws organizations ` +
      "put-resource-policy) allowing organizations:Describe* and organizations:List*, or run this job in the management account.",
    notes: [
      "Organizations refuses its calls in member accounts whatever their IAM policies allow; the caller's own policy " +
        "must still allow the action once the account is delegated.",
    ],
  });
}

const SETTING_FIXES: Record<OutsideSetting, (record: DenialRecord, subject: Subject) => FixDraft> = {
  "s3-block-public-access": (_record, subject) => s3PublicAccessFix(subject),
  "bedrock-model-access": () => modelAccessFix(),
  "s3-object-ownership": (_record, subject) => objectOwnershipFix(subject),
  "s3-object-writer": (_record, subject) => objectWriterFix(subject),
  "vm-export-bucket-acl": (_record, subject) => exportBucketAclFix(subject),
  "api-authorizer": (record) => authorizerFix(record),
  "eks-cluster-access": (_record, subject) => eksAccessFix(subject),
  "organizations-management-account": (_record, subject) => managementAccountFix(subject),
  ...SERVICE_GRANT_FIXES,
  "macie-not-enabled": () => macieNotEnabledFix(),
};

/** The next step for a cause outside every policy: confirm it, then change the setting or simply retry. */
export function notAPolicyFix(
  layer: "propagation-delay" | "account-setting",
  record: DenialRecord,
  subject: Subject,
): FixDraft {
  if (layer === "propagation-delay") return propagationFix(record, subject);
  return SETTING_FIXES[outsideSettingOf(record) ?? "s3-block-public-access"](record, subject);
}
