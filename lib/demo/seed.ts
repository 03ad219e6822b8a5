/**
 * The demo data set: a week (by default) of CloudTrail management events in account
 * 123456789012, us-east-1 and eu-west-1, telling one story per Lambda function. Deterministic:
 * the same `now`, `days` and `seed` always give the same records.
 *
 * Functions and what is wrong with each (the denials a diagnosis should find):
 * - orders-api (eu-west-1, role orders-api-role, Node.js): secretsmanager:GetSecretValue on
 *   orders/db-credentials "because no identity-based policy allows" (execution role), and kms:Decrypt
 *   on the orders-payload key "because no resource-based policy allows" (KMS key policy).
 * - nightly-report (us-east-1, role reports-fn-role, Python; 02:00 UTC plus two retries, some manual
 *   runs): kms:Decrypt on reports-data (key policy); ssm:GetParameters on /reports/smtp-* and
 *   ssm:GetParameter on /reports/slack-webhook (execution role); logs:CreateLogStream from the
 *   `awslambda-worker` (execution role).
 * - image-resizer (us-east-1, role image-resizer-role, VPC): ec2:CreateNetworkInterface from
 *   `awslambda_<n>_<timestamp>` sessions, EC2's Client.UnauthorizedOperation with an encoded message
 *   (execution role). Each CI configuration update also fails with Lambda's InvalidParameterValueException
 *   "The provided execution role does not have permissions to call CreateNetworkInterface on EC2".
 * - billing-sync (us-east-1, role billing-sync-role, Go; every two hours): sts:AssumeRole on
 *   arn:aws:iam::444455556666:role/billing-reader "because no role trust policy allows" (trust policy),
 *   secretsmanager:GetSecretValue on the partner's secret "because no resource-based policy allows"
 *   (resource policy), kms:GenerateDataKey "with an explicit deny in a service control policy" (SCP).
 *
 * Around them, so that filtering by role matters: each function's successful calls and Lambda's
 * AssumeRole of each execution role; deploy-ci-role (GitHub Actions, sessions `gha-<run id>`) deploying
 * code; the IAM user alice reading IAM, Lambda, KMS and CloudTrail, whose own denials are a reason-less
 * sts:AssumeRole on prod-admin and an identity-policy explicit deny on kms:PutKeyPolicy;
 * DatadogIntegrationRole polling both Regions (most of the volume) and denied lambda:ListTags.
 * Errors that are not denials: ThrottlingException, Client.RequestLimitExceeded,
 * ResourceNotFoundException, NoSuchEntityException, InvalidParameterValueException (code too large).
 *
 * Only management events, as LookupEvents returns: no S3 object, DynamoDB item, Lambda Invoke,
 * SQS SendMessage or SNS Publish events. IAM and global STS events are in us-east-1.
 * About 850 events a day, about 100 of them denials (seed 1).
 */
import { parseEventTime, type TrailRecord } from "../trail-record";
import { recordAlice } from "./alice";
import { recordBillingSync } from "./billing-sync";
import { DAY, createSeedContext } from "./context";
import { recordDeployCi } from "./deploy-ci";
import { recordImageResizer } from "./image-resizer";
import { recordMonitoring } from "./monitoring";
import { recordNightlyReport } from "./nightly-report";
import { recordOrdersApi } from "./orders-api";

const DEFAULT_DAYS = 7;
const DEFAULT_SEED = 1;
const MAX_DAYS = 90;

/**
 * Generates the demo data set (see the top of this file) for the `days` days before `now`,
 * oldest first, as plain CloudTrail records.
 */
export function seedDemoEvents(options: { now: Date; days?: number; seed?: number }): TrailRecord[] {
  const endMs = options.now.getTime();
  const days = options.days ?? DEFAULT_DAYS;
  if (Number.isNaN(endMs)) throw new RangeError("seedDemoEvents needs a valid `now`");
  if (!(days > 0 && days <= MAX_DAYS))
    throw new RangeError(`days must be more than 0 and at most ${MAX_DAYS}, got ${days}`);
  const startMs = endMs - days * DAY;

  const { context, records } = createSeedContext(options.seed ?? DEFAULT_SEED, startMs, endMs);
  for (const recordActor of [
    recordOrdersApi,
    recordNightlyReport,
    recordImageResizer,
    recordBillingSync,
    recordDeployCi,
    recordAlice,
    recordMonitoring,
  ]) {
    recordActor(context);
  }
  return records()
    .map((record) => ({ record, timeMs: parseEventTime(record.eventTime) }))
    .filter(({ timeMs }) => timeMs > startMs && timeMs <= endMs)
    .sort((a, b) => a.timeMs - b.timeMs)
    .map(({ record }) => record);
}
