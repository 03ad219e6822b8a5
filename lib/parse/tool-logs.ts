import { serviceFromEventSource } from "../iam";
import { ownEntry } from "../own";
import { anchored, execAnchored } from "./anchors";
import {
  operationOfCamelCase,
  operationOfSnakeCase,
  readCalls,
  s3Arn,
  type CallReader,
  type NamedCall,
} from "./named-call";

/** Hadoop's S3A names its own steps: `getFileStatus` is a HEAD of the object, `listStatus` a listing of the bucket. */
const S3A_OPERATIONS: Record<string, string> = {
  getFileStatus: "HeadObject",
  open: "GetObject",
  delete: "DeleteObject",
  listStatus: "ListObjectsV2",
  listObjects: "ListObjectsV2",
};
const S3A_LISTINGS = new Set(["ListObjectsV2"]);

/** Fluent Bit's output plugins, by the service each one writes to. */
const FLUENT_BIT_OUTPUTS: Record<string, string> = {
  cloudwatch_logs: "logs",
  kinesis_firehose: "firehose",
  kinesis_streams: "kinesis",
  s3: "s3",
};

/** Velero's AWS plugin: "error putting object backups/…/velero-backup.json: AccessDenied". */
const VELERO_VERBS: Record<string, string> = { putting: "PutObject", getting: "GetObject", deleting: "DeleteObject" };

const CDK_BUCKET = anchored(/"Bucket":"([^"]{1,255})"/, '"Bucket":"');
const CDK_KEY = anchored(/"Key":"([^"]{1,1024})"/, '"Key":"');
const CDK_REPOSITORY = '"repositoryName":"';

/** The service and resource of a call cdk-assets logs with its parameters: an S3 bucket and key, or an ECR repository. */
function cdkSubject(parameters: string): NamedCall {
  const bucket = execAnchored(CDK_BUCKET, parameters)?.[1];
  if (bucket) return { service: "s3", resource: s3Arn(bucket, execAnchored(CDK_KEY, parameters)?.[1]) };
  return parameters.includes(CDK_REPOSITORY) ? { service: "ecr" } : {};
}

/** Ansible's EC2 inventory script (ec2.py) names each listing it makes: "…, while: getting RDS instances". */
const ANSIBLE_LISTINGS: Record<string, NamedCall> = {
  "EC2 instances": { service: "ec2", operation: "DescribeInstances" },
  "RDS instances": { service: "rds", operation: "DescribeDBInstances" },
  "ElastiCache clusters": { service: "elasticache", operation: "DescribeCacheClusters" },
  "ElastiCache replication groups": { service: "elasticache", operation: "DescribeReplicationGroups" },
};

/** sqs-consumer's own errors: "SQS receive message failed: …", "SQS delete message batch failed: …". */
const SQS_CONSUMER_CALLS: Record<string, string> = {
  receive: "ReceiveMessage",
  delete: "DeleteMessage",
  send: "SendMessage",
  "change visibility timeout": "ChangeMessageVisibility",
};

/** Amplify's storage category names its step: "Something went wrong with your AWS S3 Storage upload file operation". */
const AMPLIFY_STORAGE_STEPS: Record<string, string> = {
  "upload file": "PutObject",
  "upload input stream": "PutObject",
  "download file": "GetObject",
  "get url": "GetObject",
  remove: "DeleteObject",
  list: "ListObjectsV2",
};

/** The Terraform AWS provider before 0.12 named the bucket setting it wrote: "Error putting S3 ACL: AccessDenied". */
const TERRAFORM_S3_SETTINGS: Record<string, string> = {
  acl: "PutBucketAcl",
  policy: "PutBucketPolicy",
  versioning: "PutBucketVersioning",
  cors: "PutBucketCors",
  lifecycle: "PutBucketLifecycleConfiguration",
  notification: "PutBucketNotificationConfiguration",
  tags: "PutBucketTagging",
  replication: "PutBucketReplication",
  encryption: "PutBucketEncryption",
  logging: "PutBucketLogging",
  website: "PutBucketWebsite",
};

/** Log lines of tools that make the AWS call themselves and name it their own way. */
const TOOL_READERS: CallReader[] = [
  {
    shape: anchored(/\bSQS (receive|delete|send|change visibility timeout) message(?: batch)? failed: /, "SQS "),
    read: (m) => ({ service: "sqs", operation: ownEntry(SQS_CONSUMER_CALLS, m[1] ?? "") ?? "" }),
  },
  {
    shape: anchored(/\bAWS S3 Storage ([a-z ]{3,30}?) operation\b/, "AWS S3 Storage "),
    read: (m) => ({ service: "s3", operation: ownEntry(AMPLIFY_STORAGE_STEPS, m[1] ?? "") ?? "" }),
  },
  {
    shape: anchored(/\bError putting S3 ([A-Za-z]{3,20}):/, "Error putting S3 "),
    read: (m) => ({ service: "s3", operation: ownEntry(TERRAFORM_S3_SETTINGS, (m[1] ?? "").toLowerCase()) ?? "" }),
  },
  // Copilot and other Go tools: "upload manual/scripts/….zip to bucket my-bucket: AccessDenied: Access Denied".
  {
    shape: anchored(/\bupload (\S{1,1024}) to bucket ([a-z0-9][a-z0-9.-]{1,254}[a-z0-9]): /, " to bucket "),
    read: (m) => ({ service: "s3", operation: "PutObject", resource: s3Arn(m[2] ?? "", m[1] ?? null) }),
  },
  // "getFileStatus on s3a://bucket/key: com.amazonaws…AmazonS3Exception: Forbidden".
  {
    shape: anchored(/\b([a-zA-Z]{2,40}) on s3a:\/\/([a-z0-9][a-z0-9.-]{1,254})(?:\/(\S{0,1024}))?/, " on s3a://"),
    read: (m) => {
      const operation = ownEntry(S3A_OPERATIONS, m[1] ?? "");
      if (!operation) return {};
      const key = S3A_LISTINGS.has(operation) ? null : (m[3] ?? "").replace(/:$/, "");
      return { operation, service: "s3", resource: s3Arn(m[2] ?? "", key) };
    },
  },
  // cdk-assets: `Call failed: getBucketLocation({"Bucket":"cdk-…-assets-…"}) => Access Denied (code=AccessDenied)`.
  {
    shape: anchored(/Call failed: ([a-z][A-Za-z0-9]{1,80})\(([^\n]{0,1000})\) => /, "Call failed: "),
    read: (m) => ({ operation: operationOfCamelCase(m[1] ?? ""), ...cdkSubject(m[2] ?? "") }),
  },
  {
    shape: anchored(/ => [^\n]{0,400}\(code=([\w.]{1,80})\)/, "(code="),
    read: (m) => ({ errorCode: m[1] ?? "" }),
  },
  // And the C++ SDK's samples: "Error while putting Object AccessDenied Access Denied".
  {
    shape: anchored(
      /[Ee]rror (?:while )?(putting|getting|deleting) [Oo]bject\b/,
      "rror putting object",
      "rror getting object",
      "rror deleting object",
      "rror while putting ",
      "rror while getting ",
      "rror while deleting ",
    ),
    read: (m) => ({ operation: ownEntry(VELERO_VERBS, m[1] ?? "") ?? "", service: "s3" }),
  },
  // Fluent Bit: "[output:cloudwatch_logs:cloudwatch_logs.0] CreateLogGroup API responded with error='AccessDeniedException'".
  {
    shape: anchored(
      /\b([A-Z][A-Za-z0-9]{2,80}) API responded with error='([\w.]{1,80})'/,
      " API responded with error='",
    ),
    read: (m) => ({ operation: m[1] ?? "", errorCode: m[2] ?? "" }),
  },
  {
    shape: anchored(/\[output:([a-z_0-9]{1,40})[:\]]/, "[output:"),
    read: (m) => {
      const service = ownEntry(FLUENT_BIT_OUTPUTS, m[1] ?? "");
      return service ? { service } : {};
    },
  },
  {
    shape: anchored(/, while: getting ((?:EC2|RDS|ElastiCache) [a-z ]{1,40}[a-z])/, ", while: getting "),
    read: (m) => ownEntry(ANSIBLE_LISTINGS, m[1] ?? "") ?? {},
  },
  // The EB CLI's debug log names each call before its response: "Making api call: (s3, list_multipart_uploads) to
  // region: us-east-2 with args:{'Bucket': 'elasticbeanstalk-…', …}".
  {
    shape: anchored(/Making api call: \(([a-z0-9-]{1,40}), ([a-z0-9_]{1,80})\)/, "Making api call: ("),
    read: (m) => ({ service: m[1] ?? "", operation: operationOfSnakeCase(m[2] ?? "") }),
  },
  {
    shape: anchored(
      /Making api call: \(s3, [a-z_]{1,80}\)[^\n]{0,200}?'Bucket': '([a-z0-9][a-z0-9.-]{1,254})'/,
      "'Bucket': '",
    ),
    read: (m) => ({ resource: s3Arn(m[1] ?? "", null) }),
  },
  // The line Fluent Bit logs before the call it names: "Creating log group /aws/containerinsights/cluster/application".
  {
    shape: anchored(/\bCreating log group (\/?[\w./#-]{1,512})/, "Creating log group "),
    read: (m) => ({ service: "logs", resource: m[1] ?? "" }),
  },
  // A CloudTrail record pasted as loose lines (not whole JSON): its "eventSource" and "eventName" name the call.
  {
    shape: anchored(/"eventSource"\s?:\s?"([a-z0-9-]{1,60}\.amazonaws\.com)"/, '"eventSource"'),
    read: (m) => ({ service: serviceFromEventSource(m[1] ?? "") }),
  },
  {
    shape: anchored(/"eventName"\s?:\s?"([A-Z][A-Za-z0-9]{1,80})"/, '"eventName"'),
    read: (m) => ({ operation: m[1] ?? "" }),
  },
];

/** What a tool's log line (Hadoop S3A, cdk-assets, Velero, Fluent Bit, a CloudTrail record's lines) says of its call. */
export function readToolLog(line: string): NamedCall | null {
  return readCalls(TOOL_READERS, line);
}
