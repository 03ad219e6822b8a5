/** Event sources the lookup can narrow to; `dataEvents` names what LookupEvents will not show for it. */
export const EVENT_SOURCES: { value: string; label: string; dataEvents?: string }[] = [
  { value: "", label: "All services" },
  { value: "kms.amazonaws.com", label: "KMS" },
  { value: "secretsmanager.amazonaws.com", label: "Secrets Manager" },
  { value: "ssm.amazonaws.com", label: "Systems Manager (Parameter Store)" },
  { value: "sts.amazonaws.com", label: "STS (assuming roles)" },
  { value: "iam.amazonaws.com", label: "IAM" },
  { value: "logs.amazonaws.com", label: "CloudWatch Logs" },
  { value: "ec2.amazonaws.com", label: "EC2 (network interfaces)" },
  { value: "lambda.amazonaws.com", label: "Lambda (management calls)", dataEvents: "Lambda Invoke calls" },
  {
    value: "s3.amazonaws.com",
    label: "S3 (bucket-level calls)",
    dataEvents: "S3 object reads and writes (GetObject, PutObject, ListObjects)",
  },
  {
    value: "dynamodb.amazonaws.com",
    label: "DynamoDB (table-level calls)",
    dataEvents: "DynamoDB item calls (GetItem, PutItem, Query)",
  },
  { value: "sqs.amazonaws.com", label: "SQS", dataEvents: "SQS SendMessage, ReceiveMessage and DeleteMessage" },
  { value: "sns.amazonaws.com", label: "SNS", dataEvents: "SNS Publish" },
];

export const WINDOWS: { hours: number; label: string }[] = [
  { hours: 1, label: "Last hour" },
  { hours: 6, label: "Last 6 hours" },
  { hours: 24, label: "Last 24 hours" },
  { hours: 72, label: "Last 3 days" },
  { hours: 168, label: "Last 7 days" },
  { hours: 720, label: "Last 30 days" },
  { hours: 2160, label: "Last 90 days" },
];
