/** Said with every lookup: where the denials it cannot see are. */
export const LOOKUP_BLIND_SPOT_NOTE =
  "CloudTrail lookups return management events only. S3 object reads and writes, Lambda Invoke, DynamoDB item calls, " +
  "SQS messages and SNS Publish are data events: to diagnose those, upload the trail's log files.";
