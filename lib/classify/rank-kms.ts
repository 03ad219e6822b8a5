import type { NonEmpty } from "../non-empty";
import type { Ranked } from "./rank";

const DELETED_OR_OTHER_REGION: Ranked = {
  layer: "unknown",
  confidence: 0.2,
  why: "The same text appears for a key in another Region or a deleted key.",
};

/**
 * Lambda's and Kinesis' KMS errors, and any key of another account: the key policy decides, since a key policy that
 * names no one of the caller's account cannot be made up for by the caller's own policy.
 */
export function keyPolicyFirst(): NonEmpty<Ranked> {
  return [
    {
      layer: "kms-key-policy",
      confidence: 0.5,
      why: "The key policy must allow the role; it is the usual cause when the role already allows kms:Decrypt.",
    },
    {
      layer: "execution-role",
      confidence: 0.3,
      why: "The role may lack kms:Decrypt on this key (when the key policy delegates to IAM).",
    },
    DELETED_OR_OTHER_REGION,
  ];
}

/**
 * KMS's "ciphertext refers to a customer master key … or you are not allowed to access" from a caller of the key's own
 * account: most keys keep the default key policy, which leaves the decision to IAM, so the caller's policy is the usual
 * fix (most threads in eval/cases added kms:Decrypt to the role).
 */
export function identityPolicyFirstForKey(): NonEmpty<Ranked> {
  return [
    {
      layer: "execution-role",
      confidence: 0.45,
      why: "The caller's policy may lack kms:Decrypt on this key: with the default key policy, IAM decides.",
    },
    {
      layer: "kms-key-policy",
      confidence: 0.35,
      why: "A key policy that does not delegate to IAM must name the caller itself.",
    },
    DELETED_OR_OTHER_REGION,
  ];
}
