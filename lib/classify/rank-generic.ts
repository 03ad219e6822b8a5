import type { DenialRecord } from "../model";
import type { NonEmpty } from "../non-empty";
import type { Ranked } from "./rank";
import { accountsOf, crossAccount, targetsResourcePolicy } from "./rank-accounts";
import { isTagSession, rankAssumeRole, rankTagSession } from "./rank-assume";
import { refusesLogsKey } from "../iam";

const isInvoke = (record: DenialRecord) => record.action?.toLowerCase() === "lambda:invokefunction";
const isAssumeRole = (record: DenialRecord) => record.action?.toLowerCase().startsWith("sts:assumerole") ?? false;

/**
 * Invoking a function: in one account either side's Allow is enough (most teams grant it in the caller's role);
 * across accounts the function's resource policy must allow the caller, and the caller's role too.
 */
function rankInvoke(record: DenialRecord): NonEmpty<Ranked> {
  const callerSide: Ranked = {
    layer: "execution-role",
    confidence: 0.45,
    why: "The caller's own role must allow lambda:InvokeFunction.",
  };
  switch (accountsOf(record)) {
    case "same":
      return [
        {
          ...callerSide,
          confidence: 0.6,
          why: "In one account an Allow in the caller's own policy is enough: it most often lacks lambda:InvokeFunction.",
        },
        {
          layer: "resource-policy",
          confidence: 0.4,
          why: "A statement in the function's resource policy naming the caller is enough on its own too.",
        },
      ];
    case "cross":
      return [
        {
          layer: "resource-policy",
          confidence: 0.6,
          why: "Across accounts the function's resource policy must allow the caller.",
        },
        { ...callerSide, confidence: 0.4, why: "Across accounts the caller's own role must allow it too." },
      ];
    // Most invokes stay in one account, where the caller's own Allow is enough (the function's policy is not needed).
    case "unknown":
      return [
        {
          ...callerSide,
          confidence: 0.55,
          why: "In one account, the most common case, an Allow in the caller's own policy is enough: it most often lacks lambda:InvokeFunction.",
        },
        {
          layer: "resource-policy",
          confidence: 0.45,
          why: "Across accounts the function's resource policy must allow the caller; in one account either side is enough.",
        },
      ];
  }
}

/**
 * A KMS action with no reason: the default key policy lets IAM policies decide, so in one account the caller's own
 * policy most often lacks it; a key policy that does not delegate, or any key of another account, must name the caller.
 */
function rankKms(record: DenialRecord): NonEmpty<Ranked> {
  const scp: Ranked = {
    layer: "scp",
    confidence: 0.1,
    why: "An SCP may deny KMS use (by Region, key or encryption context).",
  };
  const keyPolicy: Ranked = {
    layer: "kms-key-policy",
    confidence: 0.4,
    why: "The key policy must allow the caller itself when it does not let IAM policies decide, and always across accounts.",
  };
  const callerPolicy: Ranked = {
    layer: "execution-role",
    confidence: 0.5,
    why: "The default key policy lets IAM policies decide: the caller's own policy then needs the KMS action on the key.",
  };
  if (crossAccount(record))
    return [
      { ...keyPolicy, confidence: 0.55, why: "A key of another account must name the caller in its key policy." },
      { ...callerPolicy, confidence: 0.35, why: "Across accounts the caller's own policy must allow the key too." },
      scp,
    ];
  return [callerPolicy, keyPolicy, scp];
}

/** CloudWatch Logs refused a log group's key: the key policy, which must let the Region's Logs service use it. */
const LOGS_KEY: NonEmpty<Ranked> = [
  {
    layer: "kms-key-policy",
    confidence: 0.85,
    why:
      "CloudWatch Logs says this when the key policy does not let the Region's Logs service (logs.<region>.amazonaws.com) " +
      "use the key for this log group, or when the key does not exist in the log group's Region.",
  },
  {
    layer: "execution-role",
    confidence: 0.15,
    why: "The caller's own policy may lack the action, though Logs then names the caller instead of the key.",
  },
];

/**
 * A caller of another account than the resource's (both visible in the ARNs): only the resource's own policy can let
 * it in, and its own policy must allow the call too; an SCP is a guess with nothing in the message pointing at it.
 */
function rankCrossAccountResource(record: DenialRecord): NonEmpty<Ranked> {
  const owner = record.resource?.split(":")[4] ?? "the resource's account";
  return [
    {
      layer: "resource-policy",
      confidence: 0.55,
      why: `The resource belongs to account ${owner}: its resource policy must allow this caller's account or ARN.`,
    },
    {
      layer: "execution-role",
      confidence: 0.3,
      why: `Across accounts both sides must allow it: the caller's own policy needs ${record.action ?? "the action"} too.`,
    },
    { layer: "scp", confidence: 0.15, why: "An SCP of either account's organization may deny the action." },
  ];
}

/** CloudFormation's "API: s3:PutBucketPolicy Access Denied": S3's bare refusal, relayed with neither caller nor reason. */
const CLOUDFORMATION_API_ROW = /\bAPI: [a-z0-9-]{1,40}:\w{1,80} Access Denied/;

/**
 * The stack's role (or its deployer) may lack the call, but a bucket setting call that an administrator's stack is
 * refused is most often an organization's SCP: S3 names neither, so both stand, with the bucket policy after them.
 */
const CLOUDFORMATION_S3_CALL: NonEmpty<Ranked> = [
  {
    layer: "execution-role",
    confidence: 0.4,
    why: "The stack's service role, or the deployer's credentials when it has none, may lack the call.",
  },
  {
    layer: "scp",
    confidence: 0.35,
    why:
      "An organization's SCP often denies bucket settings (encryption, bucket policies) to every role of the " +
      "account, administrators too: S3 then answers this bare Access Denied.",
  },
  { layer: "resource-policy", confidence: 0.25, why: "The bucket policy may deny the call." },
];

const PROMPT_RESOURCE = "not authorized to invoke this API operation with a prompt resource";

/** Bedrock refused a managed prompt's ARN given as the model: the prompt's use, not the account's model access. */
const PROMPT_RESOURCE_CALL: NonEmpty<Ranked> = [
  {
    layer: "execution-role",
    confidence: 0.55,
    why:
      "Invoking with a prompt's ARN checks the prompt itself: the caller's policy must allow bedrock:InvokeModel and " +
      "bedrock:RenderPrompt on arn:aws:bedrock:<REGION>:<ACCOUNT_ID>:prompt/<PROMPT_ID>. Enabling model access does not help.",
  },
  {
    layer: "scp",
    confidence: 0.45,
    why:
      "An organization's SCP may refuse prompt resources in this account (training and lab accounts often do): ask " +
      "whoever runs the account.",
  },
];

/** No policy type stated and no kind-specific rule: rank by the action, the service and what the message shows. */
export function rankGeneric(record: DenialRecord): NonEmpty<Ranked> {
  if (isAssumeRole(record)) return rankAssumeRole(record);
  if (isTagSession(record)) return rankTagSession(record);
  if (isInvoke(record)) return rankInvoke(record);
  if (record.service === "kms") return rankKms(record);
  if (refusesLogsKey(record)) return LOGS_KEY;
  if (crossAccount(record) && targetsResourcePolicy(record)) return rankCrossAccountResource(record);
  if (record.kind === "http-forbidden" && record.action === "s3:ListBucket") {
    return [
      {
        layer: "execution-role",
        confidence: 0.6,
        why: "HeadBucket returns 403 when the caller lacks s3:ListBucket on the bucket.",
      },
      {
        layer: "resource-policy",
        confidence: 0.3,
        why: "The bucket policy may deny this principal, or, for another account's bucket, not allow it.",
      },
      { layer: "vpc-endpoint-policy", confidence: 0.1, why: "A VPC endpoint policy may restrict the bucket." },
    ];
  }
  if (record.kind === "http-forbidden" && record.service === "s3") {
    return [
      {
        layer: "execution-role",
        confidence: 0.5,
        why: "HEAD returns 403 when the role lacks s3:GetObject, or lacks s3:ListBucket and the object does not exist.",
      },
      { layer: "resource-policy", confidence: 0.3, why: "The bucket policy may deny this principal." },
      { layer: "kms-key-policy", confidence: 0.1, why: "An SSE-KMS object also needs kms:Decrypt on its key." },
      { layer: "vpc-endpoint-policy", confidence: 0.1, why: "A VPC endpoint policy may restrict the bucket." },
    ];
  }
  if (record.service === "s3" && CLOUDFORMATION_API_ROW.test(record.excerpt)) return CLOUDFORMATION_S3_CALL;
  if (record.service === "bedrock" && record.excerpt.includes(PROMPT_RESOURCE)) return PROMPT_RESOURCE_CALL;
  if (record.service === "s3") {
    return [
      {
        layer: "execution-role",
        confidence: 0.45,
        why: "Same-account S3 denials are most often a missing Allow in the caller's policy.",
      },
      {
        layer: "resource-policy",
        confidence: 0.3,
        why: "A bucket policy Deny (or, cross-account, a missing bucket-policy Allow) gives the same bare Access Denied.",
      },
      {
        layer: "kms-key-policy",
        confidence: 0.15,
        why: "SSE-KMS objects need kms:Decrypt / kms:GenerateDataKey on the key too.",
      },
      {
        layer: "vpc-endpoint-policy",
        confidence: 0.1,
        why: "Calls through an S3 gateway endpoint are filtered by its policy.",
      },
    ];
  }
  if (!record.principal && !record.action) {
    return [{ layer: "unknown", confidence: 1, why: "The message names neither the caller nor the action." }];
  }
  return [
    {
      layer: "execution-role",
      confidence: 0.6,
      why: "With no reason stated, a missing Allow in the caller's policy is the most common cause.",
    },
    { layer: "resource-policy", confidence: 0.2, why: "The target's resource policy may deny the caller." },
    { layer: "scp", confidence: 0.1, why: "An SCP may deny the action." },
    { layer: "permissions-boundary", confidence: 0.1, why: "A permissions boundary may leave the action out." },
  ];
}
