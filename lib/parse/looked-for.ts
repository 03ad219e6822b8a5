/** What the parser looks for, shown to the user when it finds nothing. */
export const LOOKED_FOR = [
  '"User: … is not authorized to perform: …" (IAM, STS, KMS, DynamoDB, SNS, SQS, Secrets Manager, Logs…)',
  '"Access Denied" / AccessDenied / AccessDeniedException / 403 Forbidden (S3, SDK and CLI errors)',
  "Lambda errors: KMSAccessDeniedException, role cannot be assumed, execution role lacks permissions",
  'API Gateway "Invalid permissions on Lambda function" and execute-api denials',
  "EC2 UnauthorizedOperation with an encoded authorization message",
  "CloudTrail records with a denial errorCode (single record, Records[], lookup-events output)",
];
