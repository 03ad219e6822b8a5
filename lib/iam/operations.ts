import { ownEntry } from "../own";

/**
 * API operation names that differ from the IAM action they need. Everything else maps to the
 * action of the same name, which the catalog then confirms. Sources: the S3 and Lambda API
 * references ("Permissions" sections) and the SQS/SNS batch APIs.
 */
export const OPERATION_TO_ACTION: Record<string, Record<string, string>> = {
  s3: {
    ListObjectsV2: "ListBucket",
    ListObjects: "ListBucket",
    HeadBucket: "ListBucket",
    ListBuckets: "ListAllMyBuckets",
    ListObjectVersions: "ListBucketVersions",
    HeadObject: "GetObject",
    GetObjectAttributes: "GetObject",
    SelectObjectContent: "GetObject",
    CopyObject: "PutObject",
    CreateMultipartUpload: "PutObject",
    UploadPart: "PutObject",
    CompleteMultipartUpload: "PutObject",
    DeleteObjects: "DeleteObject",
    ListMultipartUploads: "ListBucketMultipartUploads",
    ListParts: "ListMultipartUploadParts",
    UploadPartCopy: "PutObject",
    // Bucket configuration: the API's Put/Get/Delete trio shares one IAM Put and one Get action.
    PutBucketEncryption: "PutEncryptionConfiguration",
    // CloudFormation's S3 handler names the call its own way in "API: s3:SetBucketEncryption Access Denied".
    SetBucketEncryption: "PutEncryptionConfiguration",
    DeleteBucketEncryption: "PutEncryptionConfiguration",
    GetBucketEncryption: "GetEncryptionConfiguration",
    PutBucketReplication: "PutReplicationConfiguration",
    DeleteBucketReplication: "PutReplicationConfiguration",
    GetBucketReplication: "GetReplicationConfiguration",
    DeletePublicAccessBlock: "PutBucketPublicAccessBlock",
    DeleteBucketPublicAccessBlock: "PutBucketPublicAccessBlock",
    PutPublicAccessBlock: "PutBucketPublicAccessBlock",
    GetPublicAccessBlock: "GetBucketPublicAccessBlock",
    PutBucketLifecycle: "PutLifecycleConfiguration",
    PutBucketLifecycleConfiguration: "PutLifecycleConfiguration",
    DeleteBucketLifecycle: "PutLifecycleConfiguration",
    GetBucketLifecycle: "GetLifecycleConfiguration",
    GetBucketLifecycleConfiguration: "GetLifecycleConfiguration",
    DeleteBucketCors: "PutBucketCORS",
    DeleteBucketTagging: "PutBucketTagging",
    DeleteBucketOwnershipControls: "PutBucketOwnershipControls",
    PutBucketAnalyticsConfiguration: "PutAnalyticsConfiguration",
    DeleteBucketAnalyticsConfiguration: "PutAnalyticsConfiguration",
    GetBucketAnalyticsConfiguration: "GetAnalyticsConfiguration",
    ListBucketAnalyticsConfigurations: "GetAnalyticsConfiguration",
    PutBucketMetricsConfiguration: "PutMetricsConfiguration",
    DeleteBucketMetricsConfiguration: "PutMetricsConfiguration",
    GetBucketMetricsConfiguration: "GetMetricsConfiguration",
    ListBucketMetricsConfigurations: "GetMetricsConfiguration",
    PutBucketInventoryConfiguration: "PutInventoryConfiguration",
    DeleteBucketInventoryConfiguration: "PutInventoryConfiguration",
    GetBucketInventoryConfiguration: "GetInventoryConfiguration",
    ListBucketInventoryConfigurations: "GetInventoryConfiguration",
    PutBucketIntelligentTieringConfiguration: "PutIntelligentTieringConfiguration",
    DeleteBucketIntelligentTieringConfiguration: "PutIntelligentTieringConfiguration",
    GetBucketIntelligentTieringConfiguration: "GetIntelligentTieringConfiguration",
    ListBucketIntelligentTieringConfigurations: "GetIntelligentTieringConfiguration",
    PutBucketNotificationConfiguration: "PutBucketNotification",
    GetBucketNotificationConfiguration: "GetBucketNotification",
    PutBucketAccelerateConfiguration: "PutAccelerateConfiguration",
    GetBucketAccelerateConfiguration: "GetAccelerateConfiguration",
    PutObjectLockConfiguration: "PutBucketObjectLockConfiguration",
    GetObjectLockConfiguration: "GetBucketObjectLockConfiguration",
  },
  lambda: { Invoke: "InvokeFunction", InvokeWithResponseStream: "InvokeFunction" },
  sqs: { SendMessageBatch: "SendMessage", DeleteMessageBatch: "DeleteMessage" },
  sns: { PublishBatch: "Publish" },
  dynamodb: { TransactWriteItems: "PutItem", TransactGetItems: "GetItem" },
  // API Gateway's management actions are the HTTP method the operation sends.
  apigateway: {
    CreateRestApi: "POST",
    GetRestApi: "GET",
    UpdateRestApi: "PATCH",
    DeleteRestApi: "DELETE",
    CreateDeployment: "POST",
    DeleteDeployment: "DELETE",
    CreateStage: "POST",
    GetStage: "GET",
    UpdateStage: "PATCH",
    DeleteStage: "DELETE",
  },
};

/** Operations that name their service unambiguously when a message gives no service at all. */
const SERVICE_OF_OPERATION: Record<string, string> = {
  ListObjectsV2: "s3",
  ListObjects: "s3",
  GetObject: "s3",
  PutObject: "s3",
  HeadObject: "s3",
  HeadBucket: "s3",
  DeleteObject: "s3",
  CopyObject: "s3",
  ListBuckets: "s3",
  GetBucketPolicy: "s3",
  PutBucketPolicy: "s3",
  PutBucketNotificationConfiguration: "s3",
  CreateMultipartUpload: "s3",
  UploadPart: "s3",
  Decrypt: "kms",
  Encrypt: "kms",
  GenerateDataKey: "kms",
  Invoke: "lambda",
  GetSecretValue: "secretsmanager",
  GetParameter: "ssm",
  GetParameters: "ssm",
  GetParametersByPath: "ssm",
  PutItem: "dynamodb",
  GetItem: "dynamodb",
  Query: "dynamodb",
  Scan: "dynamodb",
  UpdateItem: "dynamodb",
  BatchWriteItem: "dynamodb",
  SendMessage: "sqs",
  SendMessageBatch: "sqs",
  ReceiveMessage: "sqs",
  Publish: "sns",
  AssumeRole: "sts",
  AssumeRoleWithWebIdentity: "sts",
  AssumeRoleWithSAML: "sts",
  PutLogEvents: "logs",
  CreateLogStream: "logs",
  PutEvents: "events",
  StartExecution: "states",
};

/**
 * The first two `:`-separated fields of an action ("s3:GetObject" → ["s3", "GetObject"]), "" when missing;
 * what `action.split(":")` destructured gives, without the array of every field.
 */
export function splitAction(action: string): [service: string, name: string] {
  const colon = action.indexOf(":");
  if (colon === -1) return [action, ""];
  const end = action.indexOf(":", colon + 1);
  return [action.slice(0, colon), action.slice(colon + 1, end === -1 ? undefined : end)];
}

/** Lambda's CloudTrail event names carry an API version suffix: `AddPermission20150331v2`. */
const LAMBDA_VERSION_SUFFIX = /20\d{6}(v\d+)?$/;

/** The API operation a CloudTrail eventName stands for (`ListFunctions20150331` → `ListFunctions`). */
export function operationOfEvent(service: string, eventName: string): string {
  return service === "lambda" ? eventName.replace(LAMBDA_VERSION_SUFFIX, "") : eventName;
}

/** The IAM action name an API operation needs (`ListObjectsV2` → `ListBucket`). */
export function actionForOperation(service: string, operation: string): string {
  const name = operationOfEvent(service, operation);
  const actions = ownEntry(OPERATION_TO_ACTION, service);
  return (actions && ownEntry(actions, name)) ?? name;
}

/** The service an operation belongs to, when the operation alone says so. */
export function serviceForOperation(operation: string): string | null {
  return ownEntry(SERVICE_OF_OPERATION, operation) ?? null;
}

const SDK_SERVICE_ALIASES: Record<string, string> = {
  simplesystemsmanagement: "ssm",
  cloudwatchlogs: "logs",
  logs: "logs",
  cloudwatch: "cloudwatch",
  dynamodbv2: "dynamodb",
  secretsmanager: "secretsmanager",
  stepfunctions: "states",
  sfn: "states",
  eventbridge: "events",
  cloudwatchevents: "events",
  securitytokenservice: "sts",
  apigateway: "apigateway",
  kinesis: "kinesis",
  iotdata: "iot",
};

/** Maps an SDK's service label ("Amazon S3", "AWSKMS", "AmazonDynamoDBv2", "SSM") to the IAM prefix. */
export function serviceFromSdkLabel(label: string): string {
  const compact = label
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "")
    .replace(/^(amazon|aws)/, "");
  return ownEntry(SDK_SERVICE_ALIASES, compact) ?? compact;
}

const EVENT_SOURCE_ALIASES: Record<string, string> = { monitoring: "cloudwatch" };

/** CloudTrail's eventSource (`kms.amazonaws.com`) to the IAM service prefix (`kms`). */
export function serviceFromEventSource(eventSource: string): string {
  const host = eventSource.split(".")[0] ?? eventSource;
  return ownEntry(EVENT_SOURCE_ALIASES, host) ?? host;
}
