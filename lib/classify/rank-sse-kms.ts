import type { DenialRecord } from "../model";
import type { NonEmpty } from "../non-empty";
import type { Ranked } from "./rank";

/** The request value (a CloudTrail record's x-amz-server-side-encryption-aws-kms-key-id) naming an SSE-KMS key. */
const SSE_KMS_KEY = "SseKmsKeyArn";

const KEY_SHARE = 0.3;

/**
 * An S3 call that names its SSE-KMS key needs the key too (kms:GenerateDataKey to write, kms:Decrypt to read), from
 * the key policy and the caller's policy: the key policy candidate rises to a close second, naming the key.
 */
export function forSseKmsKey(record: DenialRecord, ranked: NonEmpty<Ranked>): NonEmpty<Ranked> {
  const key = record.service === "s3" ? record.requestValues?.[SSE_KMS_KEY] : undefined;
  const [first] = ranked;
  if (!key || first.stated || first.proven) return ranked;
  const others = ranked.filter((candidate) => candidate.layer !== "kms-key-policy");
  const share = others.reduce((sum, candidate) => sum + candidate.confidence, 0);
  if (share === 0) return ranked;
  const keyPolicy: Ranked = {
    layer: "kms-key-policy",
    confidence: KEY_SHARE,
    why:
      `The request encrypts with the KMS key ${key}: S3 asks KMS for a data key as the caller, so the key policy ` +
      "(and the caller's policy) must allow kms:GenerateDataKey on that key to write, kms:Decrypt to read.",
  };
  const scaled = others.map((candidate) => ({
    ...candidate,
    confidence: ((1 - KEY_SHARE) * candidate.confidence) / share,
  }));
  const [lead, ...rest] = scaled;
  return lead && lead.confidence >= KEY_SHARE ? [lead, keyPolicy, ...rest] : [keyPolicy, ...scaled];
}
