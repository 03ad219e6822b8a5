import { assumesNonRole, isFederatedAssume } from "../iam";
import type { DenialRecord } from "../model";
import type { NonEmpty } from "../non-empty";
import type { Ranked } from "./rank";
import { accountsOf } from "./rank-accounts";

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

/** Step Functions' words when it could not assume the state machine's role. */
const SERVICE_REFUSED_ITS_ROLE = "is not authorized to assume the provided role";

/** A service refused the role it was given: the role's trust policy, or the Region the request was sent to. */
function rankServiceRefusedItsRole(record: DenialRecord): NonEmpty<Ranked> {
  return [
    {
      layer: "trust-policy",
      confidence: 0.6,
      why:
        `The role's trust policy must let ${record.principal ?? "the service"} assume it (a Principal.Service ` +
        "statement), with no aws:SourceAccount or aws:SourceArn condition this call misses.",
    },
    {
      layer: "unknown",
      confidence: 0.3,
      why:
        "The same words come back when the call went to another Region than meant (a Region hard-coded in a client " +
        "or library, or one whose STS endpoint is not active): check the Region the request was sent to first.",
    },
    { layer: "scp", confidence: 0.1, why: "An SCP may deny role assumption." },
  ];
}

/**
 * In one account a trust policy naming the caller's ARN allows AssumeRole on its own; the caller's policy matters only
 * across accounts, or when the trust policy names the account (its root) and leaves the choice to IAM.
 */
export function rankAssumeRole(record: DenialRecord): NonEmpty<Ranked> {
  if (isFederatedAssume(record.action)) return rankFederatedAssume();
  if (assumesNonRole(record.action, record.resource)) return rankAssumeNotARole(record.resource ?? "");
  if (record.excerpt.includes(SERVICE_REFUSED_ITS_ROLE)) return rankServiceRefusedItsRole(record);
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

/** True for sts:TagSession: the tags an AssumeRole call passes, which the role's trust policy must allow. */
export const isTagSession = (record: DenialRecord) => record.action?.toLowerCase() === "sts:tagsession";

/**
 * sts:TagSession is checked when AssumeRole passes session tags (GitHub Actions' configure-aws-credentials always
 * does): the role's trust policy must allow it next to sts:AssumeRole; across accounts the caller's policy must too.
 */
export function rankTagSession(record: DenialRecord): NonEmpty<Ranked> {
  const cross = accountsOf(record) === "cross";
  return [
    {
      layer: "trust-policy",
      confidence: cross ? 0.55 : 0.65,
      why:
        "AssumeRole with session tags needs sts:TagSession in the role's trust policy, in the statement that allows " +
        "sts:AssumeRole; or the caller stops passing tags (configure-aws-credentials: role-skip-session-tagging: true).",
    },
    {
      layer: "execution-role",
      confidence: cross ? 0.35 : 0.25,
      why: cross
        ? "Across accounts both sides must allow it: the caller's own policy needs sts:TagSession on the role too."
        : "When the trust policy names the account rather than the caller, the caller's own policy needs sts:TagSession on the role.",
    },
    { layer: "scp", confidence: 0.1, why: "An SCP may deny sts:TagSession (some deny tags they do not expect)." },
  ];
}
