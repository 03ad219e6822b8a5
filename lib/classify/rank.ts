import { awsOwnedBucketOf, callerOf, nestedArnOf } from "../iam";
import { rankNestedArn } from "./rank-nested-arn";
import { proofOf, type Caller, type DenialRecord, type Layer, type PolicyType } from "../model";
import type { NonEmpty } from "../non-empty";
import { LAYER_OF_POLICY_TYPE, POLICY_TYPE_WORDS } from "./layers";
import { crossAccount } from "./rank-accounts";
import { rankGeneric } from "./rank-generic";
import { rankUnnamedDeny } from "./rank-deny";
import { withCausesOutsidePolicies } from "./not-a-policy";
import { forAwsOwnedBucket } from "./rank-aws-owned";
import { forSseKmsKey } from "./rank-sse-kms";
import { identityPolicyFirstForKey, keyPolicyFirst } from "./rank-kms";
import {
  forAnonymousCaller,
  forCognitoGuest,
  forRootUser,
  forServicePrincipal,
  isCognitoGuestSession,
} from "./rank-caller";
import { rankImplicit, rankProven } from "./rank-proven";

/** A candidate layer before its checks are filled in. */
export interface Ranked {
  layer: Layer;
  confidence: number;
  why: string;
  /** True for the one layer AWS's message named. */
  stated?: true;
  /** True for the one layer AWS's authorization details show denying the request. */
  proven?: true;
}

const isKms = (record: DenialRecord) => record.service === "kms";
/** AWS named the policy type: that layer wins; only KMS and cross-account calls add a runner-up. */
function rankStated(record: DenialRecord, type: PolicyType): NonEmpty<Ranked> {
  if (type === "s3-block-public-access")
    return [
      {
        layer: "account-setting",
        confidence: 0.95,
        why: "AWS says S3 Block Public Access refuses it: a setting of the bucket or the account, not a policy.",
        stated: true,
      },
    ];
  const deny = record.statedReason === "explicit-deny" ? "an explicit Deny in" : "no Allow in";
  if (type === "resource-based" && isKms(record) && record.statedReason === "explicit-deny") {
    // No IAM policy overrides a key policy's Deny: the delegation runner-up below does not apply.
    return [
      {
        layer: "kms-key-policy",
        confidence: 0.95,
        why: "AWS says an explicit Deny in the resource-based policy; for a KMS key that is the key policy.",
        stated: true,
      },
    ];
  }
  if (type === "resource-based" && isKms(record)) {
    return [
      {
        layer: "kms-key-policy",
        confidence: 0.85,
        why: `AWS says ${deny} the resource-based policy; for a KMS key that is the key policy.`,
        stated: true,
      },
      {
        layer: "execution-role",
        confidence: 0.1,
        why:
          `A key policy that delegates to IAM (the default "Enable IAM policies" statement) lets the caller's own ` +
          `policy grant ${record.action ?? "the action"}: check which one the key has.`,
      },
    ];
  }
  if (type === "identity-based" && isKms(record)) {
    return [
      {
        layer: "execution-role",
        confidence: 0.9,
        why: `AWS says ${deny} the identity-based policy: the key policy already delegates to IAM, so the role needs ${record.action}.`,
        stated: true,
      },
      {
        layer: "kms-key-policy",
        confidence: 0.05,
        why: "Once the role allows it, the key policy is evaluated too; it rarely blocks when IAM delegation is on.",
      },
    ];
  }
  // "…in a VPC endpoint policy transitively through a service control policy": the deny is the second policy's
  // (the endpoint owner's SCP, applied through its endpoint), so that is the one to change.
  const transitive = record.transitivePolicyType;
  if (transitive) {
    return [
      {
        layer: LAYER_OF_POLICY_TYPE[transitive],
        confidence: 0.8,
        why:
          `AWS says ${deny} a ${POLICY_TYPE_WORDS[transitive]} that applied transitively through the ` +
          `${POLICY_TYPE_WORDS[type]}: change the ${POLICY_TYPE_WORDS[transitive]}.`,
        stated: true,
      },
      {
        layer: LAYER_OF_POLICY_TYPE[type],
        confidence: 0.15,
        why: `The ${POLICY_TYPE_WORDS[type]} is how it reached the request; its owner's organization holds the policy that denied it.`,
      },
    ];
  }
  if (type === "resource-based" && crossAccount(record)) {
    return [
      namedLayer(type, deny, 0.8),
      {
        layer: "execution-role",
        confidence: 0.15,
        why: "Cross-account calls need an Allow on both sides: check the caller's policy too.",
      },
    ];
  }
  return [namedLayer(type, deny, 0.95)];
}

/** The layer of the policy type AWS named, as the leading candidate. */
function namedLayer(type: PolicyType, deny: string, confidence: number): Ranked {
  return {
    layer: LAYER_OF_POLICY_TYPE[type],
    confidence,
    why: `AWS says ${deny} the ${POLICY_TYPE_WORDS[type]}.`,
    stated: true,
  };
}

/** The message names no policy type: rank by what this kind of denial usually means. */
function rankUnstated(record: DenialRecord): NonEmpty<Ranked> {
  switch (record.kind) {
    case "kms-opaque":
      return crossAccount(record) ? keyPolicyFirst() : identityPolicyFirstForKey();
    case "lambda-env-kms":
    case "kinesis-kms":
      return keyPolicyFirst();
    case "lambda-stale-grant":
      return [
        {
          layer: "kms-key-policy",
          confidence: 0.85,
          why: "The role was deleted and recreated: Lambda's KMS grant still names the old role's id.",
        },
      ];
    case "lambda-role-not-assumable":
      return [
        {
          layer: "trust-policy",
          confidence: 0.85,
          why: "The role's trust policy must let lambda.amazonaws.com assume it.",
        },
        {
          layer: "propagation-delay",
          confidence: 0.15,
          why: "Right after the role is created, IAM may not have propagated it yet: retry in a few seconds.",
        },
      ];
    case "lambda-role-missing-permission":
    case "lambda-stream-access":
      return [
        {
          layer: "execution-role",
          confidence: 0.8,
          why: "Lambda checks the execution role for this permission when it configures the function or event source.",
        },
        { layer: "scp", confidence: 0.15, why: "An SCP deny on the same action produces the same text." },
        {
          layer: "propagation-delay",
          confidence: 0.05,
          why: "A role created seconds ago may not have propagated yet.",
        },
      ];
    case "apigw-invalid-permissions":
      return [
        {
          layer: "resource-policy",
          confidence: 0.95,
          why: "API Gateway may not invoke the function: its resource policy lacks apigateway.amazonaws.com.",
        },
      ];
    case "s3-notification-destination":
      return [
        {
          layer: "resource-policy",
          confidence: 0.85,
          why: "S3 checks that the destination's resource policy lets s3.amazonaws.com deliver to it.",
        },
        { layer: "unknown", confidence: 0.15, why: "A wrong destination ARN gives the same error." },
      ];
    case "execute-api-anonymous":
      return [
        {
          layer: "resource-policy",
          confidence: 0.9,
          why: "The API's resource policy does not allow this caller, or denies it (the Lambda function is never reached).",
        },
      ];
    case "ec2-encoded":
      return [
        {
          layer: "execution-role",
          confidence: 0.5,
          why: "Most EC2 denials are a missing Allow in the caller's policy.",
        },
        { layer: "scp", confidence: 0.2, why: "SCPs commonly deny EC2 actions by Region or instance type." },
        { layer: "unknown", confidence: 0.2, why: "Only the decoded message tells; decode it." },
        { layer: "permissions-boundary", confidence: 0.1, why: "A boundary may leave the action out." },
      ];
    case "sqs-legacy":
      return [
        {
          layer: "execution-role",
          confidence: 0.5,
          why: "The caller's policy may not allow the SQS action on this queue.",
        },
        {
          layer: "resource-policy",
          confidence: 0.4,
          why: "The queue policy may not let this caller in (always needed cross-account).",
        },
        { layer: "kms-key-policy", confidence: 0.1, why: "An SSE-KMS queue also needs the key to allow the caller." },
      ];
    case "bedrock-marketplace":
      return [
        {
          layer: "execution-role",
          confidence: 0.6,
          why: "Bedrock subscribes to the model through AWS Marketplace for the caller: its policy needs the aws-marketplace actions listed.",
        },
        {
          layer: "account-setting",
          confidence: 0.25,
          why: "Once the account has access to the model (a one-time subscription, made by anyone allowed to), no caller needs the aws-marketplace actions.",
        },
        { layer: "scp", confidence: 0.15, why: "Organizations often deny aws-marketplace:Subscribe in an SCP." },
      ];
    case "lake-formation":
      return [
        {
          layer: "resource-policy",
          confidence: 0.85,
          why: "Lake Formation decides with its own grants, not IAM: a data lake administrator must grant the permission the message names.",
        },
        {
          layer: "execution-role",
          confidence: 0.15,
          why: "The caller also needs the Glue and lakeformation:GetDataAccess actions in IAM.",
        },
      ];
    case "athena-query":
      return [
        {
          layer: "execution-role",
          confidence: 0.6,
          why: "Athena runs the query as the caller: its policy needs the Athena, Glue catalog and S3 actions the query touches.",
        },
        {
          layer: "resource-policy",
          confidence: 0.25,
          why: "With Lake Formation on, the table needs a Lake Formation grant too.",
        },
        {
          layer: "kms-key-policy",
          confidence: 0.15,
          why: "Encrypted data or results need the key to allow the caller.",
        },
      ];
    default:
      return rankGeneric(record);
  }
}

/** Ranks the layers that could have denied this request, most likely first (each list is written in that order). */
export function rankLayers(record: DenialRecord, caller: Caller = callerOf(record)): NonEmpty<Ranked> {
  const proof = proofOf(record);
  const nested = proof ? null : nestedArnOf(record.resource);
  const ranked = nested
    ? rankNestedArn(record, nested)
    : proof?.policyType
      ? rankProven(record, proof, proof.policyType)
      : proof?.evaluatedEffect === "IMPLICIT_DENY"
        ? rankImplicit(record)
        : record.statedPolicyType
          ? rankStated(record, record.statedPolicyType)
          : // An anonymous call to an API is in no account: its Deny can only be the API's resource policy's.
            record.statedReason === "explicit-deny" && record.kind !== "execute-api-anonymous"
            ? rankUnnamedDeny(record)
            : rankUnstated(record);
  const forCaller =
    caller.kind === "root"
      ? forRootUser(ranked, crossAccount(record))
      : caller.kind === "aws-service"
        ? forServicePrincipal(ranked, record.service)
        : // API Gateway lets anonymous callers in by design: its resource policy is the fix, as the kind's ranking says.
          caller.kind === "anonymous" && record.service !== "execute-api"
          ? forAnonymousCaller(ranked)
          : isCognitoGuestSession(record.principal)
            ? forCognitoGuest(ranked)
            : ranked;
  const owned = awsOwnedBucketOf(record) ? forAwsOwnedBucket(forCaller) : forCaller;
  return withCausesOutsidePolicies(record, forSseKmsKey(record, owned));
}
