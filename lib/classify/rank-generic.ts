import { assumesNonRole, isFederatedAssume } from "../iam";
import type { DenialRecord } from "../model";
import type { NonEmpty } from "../non-empty";
import type { Ranked } from "./rank";

const isInvoke = (record: DenialRecord) => record.action?.toLowerCase() === "lambda:invokefunction";
const isAssumeRole = (record: DenialRecord) => record.action?.toLowerCase().startsWith("sts:assumerole") ?? false;

/** Whether the caller and the resource are in one account, in two, or the message does not show both. */
function accountsOf(record: DenialRecord): "same" | "cross" | "unknown" {
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

function rankAssumeNotARole(resource: string): NonEmpty<Ranked> {
  return [
    {
      layer: "unknown",
      confidence: 0.85,
      why:
        `sts:AssumeRole takes a role's ARN, and the call named ${resource}: correct the role ARN your configuration ` +
        "passes (role_arn, --role-arn, the SDK's RoleArn); no policy edit makes this call succeed.",
    },
    {
      layer: "trust-policy",
      confidence: 0.15,
      why: "Once the call names the role, the role's trust policy must let the caller in.",
    },
  ];
}

/** A web identity or SAML token has no IAM policy of its own: the role's trust policy alone lets it in. */
function rankFederatedAssume(): NonEmpty<Ranked> {
  return [
    {
      layer: "trust-policy",
      confidence: 0.9,
      why:
        "A federated token's caller has no IAM policy: only the role's trust policy can let it in, and most often " +
        "its provider or its sub / aud conditions do not match the token.",
    },
    { layer: "rcp", confidence: 0.1, why: "A resource control policy may deny role assumption from outside." },
  ];
}

/**
 * In one account a trust policy naming the caller's ARN allows AssumeRole on its own; the caller's policy matters only
 * across accounts, or when the trust policy names the account (its root) and leaves the choice to IAM.
 */
function rankAssumeRole(record: DenialRecord): NonEmpty<Ranked> {
  if (isFederatedAssume(record.action)) return rankFederatedAssume();
  if (assumesNonRole(record.action, record.resource)) return rankAssumeNotARole(record.resource ?? "");
  const scp: Ranked = { layer: "scp", confidence: 0.1, why: "An SCP may deny role assumption." };
  switch (accountsOf(record)) {
    case "same":
      return [
        {
          layer: "trust-policy",
          confidence: 0.7,
          why:
            "AssumeRole denials without a reason are usually the role's trust policy; in one account, a trust " +
            "policy naming the caller's ARN is enough on its own.",
        },
        {
          layer: "execution-role",
          confidence: 0.2,
          why: "Only if the trust policy names the account (its root) rather than the caller does the caller's own policy need sts:AssumeRole on the role.",
        },
        scp,
      ];
    case "cross":
      return [
        {
          layer: "trust-policy",
          confidence: 0.5,
          why: "The role's account must let the caller in: its trust policy must name the caller (or the caller's account).",
        },
        {
          layer: "execution-role",
          confidence: 0.4,
          why: "Across accounts both sides must allow it: the caller's own policy needs sts:AssumeRole on the role too.",
        },
        scp,
      ];
    case "unknown":
      return [
        {
          layer: "trust-policy",
          confidence: 0.55,
          why: "AssumeRole denials without a reason are usually the target role's trust policy.",
        },
        {
          layer: "execution-role",
          confidence: 0.35,
          why: "The caller's own policy needs sts:AssumeRole on the role when the role is in another account, or when its trust policy names only the account.",
        },
        scp,
      ];
  }
}

/**
 * "with an explicit deny" and no policy named: a Deny statement somewhere, which no Allow can override. Policies
 * written with Deny statements are most often the caller's own (MFA, source IP or Region conditions) and SCPs.
 */
export function rankUnnamedDeny(record: DenialRecord): NonEmpty<Ranked> {
  const action = record.action ?? "the action";
  return [
    {
      layer: "execution-role",
      confidence: 0.4,
      why: `AWS says a Deny matched but not where: most often the caller's own policies deny ${action} under a condition (MFA, source IP, Region, tags).`,
    },
    { layer: "scp", confidence: 0.25, why: `An SCP of the account or an OU above it may deny ${action}.` },
    { layer: "resource-policy", confidence: 0.15, why: "The target's resource policy may deny this caller." },
    { layer: "permissions-boundary", confidence: 0.1, why: "The caller's permissions boundary may hold the Deny." },
    {
      layer: "session-policy",
      confidence: 0.1,
      why: "A policy passed when the session was created may hold the Deny.",
    },
  ];
}

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
    case "unknown":
      return [
        {
          layer: "resource-policy",
          confidence: 0.55,
          why: "The function's resource policy must allow the caller across accounts; in one account either side is enough.",
        },
        callerSide,
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

/** No policy type stated and no kind-specific rule: rank by the action, the service and what the message shows. */
export function rankGeneric(record: DenialRecord): NonEmpty<Ranked> {
  if (isAssumeRole(record)) return rankAssumeRole(record);
  if (isInvoke(record)) return rankInvoke(record);
  if (record.service === "kms") return rankKms(record);
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
