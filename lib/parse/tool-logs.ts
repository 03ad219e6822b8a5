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

/** Log lines of tools that make the AWS call themselves and name it their own way. */
const TOOL_READERS: CallReader[] = [
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
