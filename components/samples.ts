/** Real-looking errors for the "Try a sample" buttons, one per common denial family. */
export const SAMPLES: { label: string; text: string }[] = [
  {
    label: "Lambda role can't write to DynamoDB",
    text:
      "botocore.exceptions.ClientError: An error occurred (AccessDeniedException) when calling the PutItem " +
      "operation: User: arn:aws:sts::123456789012:assumed-role/orders-api-role/orders-api is not " +
      "authorized to perform: dynamodb:PutItem on resource: " +
      "arn:aws:dynamodb:eu-west-1:123456789012:table/Orders because no identity-based policy allows the " +
      "dynamodb:PutItem action",
  },
  {
    label: "KMS key policy blocks Decrypt",
    text:
      "operation error KMS: Decrypt, https response error StatusCode: 400, RequestID: " +
      "5e1c0b9a-7d1f-4c1e-9d0b-2f1a6f3c2a11, api error AccessDeniedException: User: " +
      "arn:aws:sts::123456789012:assumed-role/reports-fn-role/nightly-report is not authorized to perform: " +
      "kms:Decrypt on resource: " +
      "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab because no " +
      "resource-based policy allows the kms:Decrypt action",
  },
  {
    label: "API Gateway can't invoke the function",
    text:
      "(8c3f2a1e-5b7d-4f0e-9a6c-1d2e3f4a5b6c) Execution failed due to configuration error: Invalid " +
      "permissions on Lambda function\n(8c3f2a1e-5b7d-4f0e-9a6c-1d2e3f4a5b6c) Method completed with " +
      "status: 500",
  },
  {
    label: "S3 says only Access Denied",
    text: "An error occurred (AccessDenied) when calling the ListObjectsV2 operation: Access Denied",
  },
  {
    label: "SCP denies Secrets Manager",
    text:
      "AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/billing-sync-role/billing-sync " +
      "is not authorized to perform: secretsmanager:GetSecretValue on resource: " +
      "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf with an explicit deny in a " +
      "service control policy",
  },
  {
    label: "Terraform: Lambda in a VPC",
    text:
      "╷\n│ Error: creating Lambda Function (image-resizer): operation error Lambda: CreateFunction, https " +
      "response error StatusCode: 400, RequestID: 0c6b1c51-4c1a-4c59-9c55-0b1f2b7a9e11, " +
      "InvalidParameterValueException: The provided execution role does not have permissions to call " +
      "CreateNetworkInterface on EC2\n│ \n│   with aws_lambda_function.image_resizer,\n│   on main.tf line " +
      '12, in resource "aws_lambda_function" "image_resizer":\n│   12: resource "aws_lambda_function" ' +
      '"image_resizer" {\n╵',
  },
];
