/** A deterministic mix of realistic denial messages for the throughput benchmark. */
import { seededRandom } from "./trail-records";

const ROLES = ["orders-api-role", "reports-fn-role", "image-resizer-role", "billing-sync-role"];
const FUNCTIONS = ["orders-api", "nightly-report", "image-resizer", "billing-sync"];
const REASONS = [
  "because no identity-based policy allows the {action} action",
  "because no resource-based policy allows the {action} action",
  "with an explicit deny in a service control policy",
  "with an explicit deny in an identity-based policy",
  "because no permissions boundary allows the {action} action",
  "",
];
const TARGETS: [string, string][] = [
  ["s3:GetObject", "arn:aws:s3:::orders-{n}/incoming/{n}.json"],
  ["s3:ListBucket", "arn:aws:s3:::orders-{n}"],
  ["dynamodb:PutItem", "arn:aws:dynamodb:eu-west-1:123456789012:table/Orders{n}"],
  ["kms:Decrypt", "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-{n}"],
  ["secretsmanager:GetSecretValue", "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-{n}-AbCdEf"],
  [
    "logs:CreateLogStream",
    "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/fn{n}:log-stream:2026/01/01/[$LATEST]{n}",
  ],
  ["lambda:InvokeFunction", "arn:aws:lambda:us-east-1:123456789012:function:worker-{n}"],
  ["sqs:sendmessage", "arn:aws:sqs:us-west-2:123456789012:jobs-{n}"],
  ["SNS:Publish", "arn:aws:sns:us-east-1:123456789012:alerts-{n}"],
];
const WRAPPERS = [
  (message: string) => `An error occurred (AccessDenied) when calling the Operation operation: ${message}`,
  (message: string) =>
    `operation error Service: Operation, https response error StatusCode: 400, RequestID: 5e1c, api error AccessDeniedException: ${message}`,
  (message: string) =>
    `${message} (Service: AmazonDynamoDBv2; Status Code: 400; Error Code: AccessDeniedException; Request ID: ABC)`,
  (message: string) =>
    `2026-01-01T00:00:00.000Z\tERROR\t{"errorType":"AccessDeniedException","errorMessage":"${message}"}`,
  (message: string) => message,
];
const OTHER_MESSAGES = [
  "An error occurred (AccessDenied) when calling the ListObjectsV2 operation: Access Denied",
  "Execution failed due to configuration error: Invalid permissions on Lambda function",
  "InvalidParameterValueException: The provided execution role does not have permissions to call CreateNetworkInterface on EC2",
  "Lambda was unable to decrypt the environment variables because KMS access was denied. Please check " +
    "the function's KMS key settings. KMS Exception: AccessDeniedExceptionKMS Message: The ciphertext " +
    "refers to a customer master key that does not exist, does not exist in this region, or you are not " +
    "allowed to access.",
  "An error occurred (403) when calling the HeadObject operation: Forbidden",
];

/** `count` messages: 80% IAM sentences in assorted wrappers, 20% other Lambda/S3 families. */
export function generateMessages(count: number, seed = 42): string[] {
  const random = seededRandom(seed);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
  const messages: string[] = [];
  for (let index = 0; index < count; index++) {
    if (random() < 0.2) {
      messages.push(pick(OTHER_MESSAGES));
      continue;
    }
    const roleIndex = Math.floor(random() * ROLES.length);
    const n = String(Math.floor(random() * 1000));
    const [action, resourceTemplate] = pick(TARGETS);
    const reason = pick(REASONS).replace("{action}", action);
    const principal = `arn:aws:sts::123456789012:assumed-role/${ROLES[roleIndex]}/${FUNCTIONS[roleIndex]}`;
    const sentence =
      `User: ${principal} is not authorized to perform: ${action} on resource: ${resourceTemplate.replaceAll("{n}", n)} ${reason}`.trim();
    messages.push(pick(WRAPPERS)(sentence));
  }
  return messages;
}
