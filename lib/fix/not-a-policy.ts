import type { Subject } from "../iam";
import { isModelAccessDenial, type DenialRecord, type FixDraft } from "../model";
import { shellWord } from "./shell";

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

/** The next step for a cause outside every policy: confirm it, then change the setting or simply retry. */
export function notAPolicyFix(
  layer: "propagation-delay" | "account-setting",
  record: DenialRecord,
  subject: Subject,
): FixDraft {
  if (layer === "propagation-delay") return propagationFix(record, subject);
  return isModelAccessDenial(record) ? modelAccessFix() : s3PublicAccessFix(subject);
}
