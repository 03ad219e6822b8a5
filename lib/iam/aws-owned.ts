import type { DenialRecord } from "../model";

/**
 * Buckets AWS itself owns, one per Region, that its agents read from your account: Systems Manager's documents,
 * packages and patch snapshots (the SSM Agent's documented minimum S3 permissions) and CodeDeploy's agent bucket.
 * Their policies are AWS's: a denial there is met by calling them as they allow, never by editing them.
 */
const AWS_OWNED_FAMILIES = [
  "aws-ssm",
  "amazon-ssm",
  "amazon-ssm-packages",
  "aws-ssm-document-attachments",
  "aws-ssm-distributor-file",
  "aws-windows-downloads",
  "patch-baseline-snapshot",
  "aws-patchmanager-macos",
  "aws-codedeploy",
];
/** A family's name, then the Region it serves: `aws-ssm-us-east-1`, `aws-codedeploy-us-gov-west-1`. */
const AWS_OWNED_BUCKET = new RegExp(
  `^(?:${AWS_OWNED_FAMILIES.join("|")})-[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]{4,9}-\\d$`,
);

const S3_ARN_HEAD = "arn:aws:s3:::";
const MAX_BUCKET_NAME = 63;

/**
 * The bucket a denial names, by its S3 ARN or its request's BucketName (a CloudTrail record), when AWS owns it
 * (`aws-ssm-document-attachments-us-east-1`); null for any other.
 */
export function awsOwnedBucketOf(record: Pick<DenialRecord, "resource" | "requestValues">): string | null {
  const bucket = bucketOfArn(record.resource) ?? record.requestValues?.BucketName ?? null;
  return bucket && bucket.length <= MAX_BUCKET_NAME && AWS_OWNED_BUCKET.test(bucket) ? bucket : null;
}

function bucketOfArn(resource: string | null): string | null {
  if (!resource?.startsWith(S3_ARN_HEAD)) return null;
  const slash = resource.indexOf("/", S3_ARN_HEAD.length);
  return resource.slice(S3_ARN_HEAD.length, slash === -1 ? undefined : slash);
}
