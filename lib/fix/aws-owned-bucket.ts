import type { DenialRecord, FixDraft } from "../model";

/**
 * A bucket AWS owns cannot take a statement of yours: the fix is to call it as its policy allows, from the Region the
 * bucket serves and through a VPC endpoint whose policy lets the call reach AWS's bucket.
 */
export function awsOwnedBucketFix(record: DenialRecord, bucket: string): FixDraft {
  const action = record.action ?? "the call";
  return {
    layer: "resource-policy",
    title: `Bucket ${bucket} belongs to AWS: call it as its policy allows`,
    owner: "resource-owner",
    statement: null,
    additionalStatements: [],
    target: `bucket ${bucket} (owned by AWS: its policy cannot be edited)`,
    cli:
      "aws ec2 describe-vpc-endpoints --filters Name=service-name,Values=com.amazonaws.<REGION>.s3 " +
      "--query 'VpcEndpoints[].[VpcEndpointId,PolicyDocument]'   # the endpoint policy must let the call reach the bucket",
    terraform: "# Nothing to change in AWS's bucket: allow the call in your role's and your VPC endpoint's policies.",
    sam: "# Nothing to change in AWS's bucket: allow the call in your role's and your VPC endpoint's policies.",
    consoleUrl: null,
    requestText: null,
    notes: [
      `${bucket} is a bucket AWS owns for its agents: only AWS edits its policy. Make sure the call comes from the ` +
        `bucket's Region, that your role allows ${action} on it, and that a VPC endpoint policy (one that limits ` +
        "S3 to your own buckets) lets the agent reach it.",
    ],
  };
}
