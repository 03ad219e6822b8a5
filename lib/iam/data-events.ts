/**
 * IAM actions whose calls CloudTrail records as data events, which `LookupEvents` never returns:
 * object-level S3, Lambda invocation, DynamoDB items, SQS messages, SNS publishing, Kinesis records.
 * Source: the CloudTrail user guide, "Logging data events" (resource types and their API calls).
 */
const DATA_EVENT_ACTIONS = new Set([
  "s3:getobject",
  "s3:putobject",
  "s3:deleteobject",
  "s3:listbucket",
  "s3:getobjectacl",
  "s3:putobjectacl",
  "s3:getobjecttagging",
  "s3:putobjecttagging",
  "s3:restoreobject",
  "lambda:invokefunction",
  "dynamodb:getitem",
  "dynamodb:putitem",
  "dynamodb:updateitem",
  "dynamodb:deleteitem",
  "dynamodb:query",
  "dynamodb:scan",
  "dynamodb:batchgetitem",
  "dynamodb:batchwriteitem",
  "dynamodb:getrecords",
  "sqs:sendmessage",
  "sqs:receivemessage",
  "sqs:deletemessage",
  "sns:publish",
  "kinesis:putrecord",
  "kinesis:putrecords",
  "kinesis:getrecords",
]);

/** True when CloudTrail logs this action's calls as data events (only trails that log data events hold them). */
export function isDataEventAction(action: string | null): boolean {
  return action !== null && DATA_EVENT_ACTIONS.has(action.toLowerCase());
}
