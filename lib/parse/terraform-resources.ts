/**
 * The Terraform AWS provider's names for the resources most often denied, with the API call each of its verbs makes
 * (from the provider's source and the services' API references).
 */

export type Verb = "create" | "read" | "update" | "delete" | "listTags";
/** `readPolicy`: the call behind "reading <name> (<id>) policy:", the resource's own policy. */
type Calls = Partial<Record<Verb | "readPolicy", string>>;

/** Longer names first, so "S3 Bucket Policy" wins over "S3 Bucket". */
export const TERRAFORM_RESOURCES: [name: string, service: string, calls: Calls][] = (
  [
    ["EC2 Instance Type", "ec2", { read: "DescribeInstanceTypes" }],
    [
      "EC2 Instance",
      "ec2",
      {
        create: "RunInstances",
        read: "DescribeInstances",
        update: "ModifyInstanceAttribute",
        delete: "TerminateInstances",
      },
    ],
    ["source instance", "ec2", { create: "RunInstances" }],
    [
      "EC2 Launch Template",
      "ec2",
      {
        create: "CreateLaunchTemplate",
        read: "DescribeLaunchTemplates",
        update: "ModifyLaunchTemplate",
        delete: "DeleteLaunchTemplate",
      },
    ],
    ["EC2 Subnet", "ec2", { create: "CreateSubnet", read: "DescribeSubnets", delete: "DeleteSubnet" }],
    ["EC2 VPC", "ec2", { create: "CreateVpc", read: "DescribeVpcs", delete: "DeleteVpc" }],
    [
      "Security Group",
      "ec2",
      { create: "CreateSecurityGroup", read: "DescribeSecurityGroups", delete: "DeleteSecurityGroup" },
    ],
    [
      "Lambda Function",
      "lambda",
      {
        create: "CreateFunction",
        read: "GetFunction",
        update: "UpdateFunctionConfiguration",
        delete: "DeleteFunction",
        listTags: "ListTags",
      },
    ],
    ["Lambda Permission", "lambda", { create: "AddPermission", read: "GetPolicy", delete: "RemovePermission" }],
    [
      "Lambda Layer Version",
      "lambda",
      { create: "PublishLayerVersion", read: "GetLayerVersion", delete: "DeleteLayerVersion" },
    ],
    [
      "IAM Role Policy",
      "iam",
      { create: "PutRolePolicy", read: "GetRolePolicy", update: "PutRolePolicy", delete: "DeleteRolePolicy" },
    ],
    [
      "IAM Role",
      "iam",
      { create: "CreateRole", read: "GetRole", update: "UpdateRole", delete: "DeleteRole", listTags: "ListRoleTags" },
    ],
    [
      "IAM Policy",
      "iam",
      { create: "CreatePolicy", read: "GetPolicy", update: "CreatePolicyVersion", delete: "DeletePolicy" },
    ],
    ["IAM User", "iam", { create: "CreateUser", read: "GetUser", update: "UpdateUser", delete: "DeleteUser" }],
    [
      "IAM Instance Profile",
      "iam",
      { create: "CreateInstanceProfile", read: "GetInstanceProfile", delete: "DeleteInstanceProfile" },
    ],
    [
      "IAM OpenID Connect Provider",
      "iam",
      {
        create: "CreateOpenIDConnectProvider",
        read: "GetOpenIDConnectProvider",
        delete: "DeleteOpenIDConnectProvider",
      },
    ],
    [
      "public access block policy for S3 bucket",
      "s3",
      { create: "PutPublicAccessBlock", read: "GetPublicAccessBlock" },
    ],
    [
      "S3 Bucket Policy",
      "s3",
      { create: "PutBucketPolicy", read: "GetBucketPolicy", update: "PutBucketPolicy", delete: "DeleteBucketPolicy" },
    ],
    [
      "S3 Bucket Versioning",
      "s3",
      { create: "PutBucketVersioning", read: "GetBucketVersioning", update: "PutBucketVersioning" },
    ],
    [
      "S3 Bucket",
      "s3",
      { create: "CreateBucket", read: "HeadBucket", delete: "DeleteBucket", listTags: "GetBucketTagging" },
    ],
    ["S3 Object", "s3", { create: "PutObject", read: "GetObject", update: "PutObject", delete: "DeleteObject" }],
    [
      "KMS Key",
      "kms",
      { create: "CreateKey", read: "DescribeKey", delete: "ScheduleKeyDeletion", listTags: "ListResourceTags" },
    ],
    ["KMS Alias", "kms", { create: "CreateAlias", read: "ListAliases", update: "UpdateAlias", delete: "DeleteAlias" }],
    [
      "SQS Queue",
      "sqs",
      {
        create: "CreateQueue",
        read: "GetQueueAttributes",
        update: "SetQueueAttributes",
        delete: "DeleteQueue",
        listTags: "ListQueueTags",
      },
    ],
    [
      "SNS Topic Subscription",
      "sns",
      {
        create: "Subscribe",
        read: "GetSubscriptionAttributes",
        update: "SetSubscriptionAttributes",
        delete: "Unsubscribe",
      },
    ],
    [
      "SNS Topic",
      "sns",
      {
        create: "CreateTopic",
        read: "GetTopicAttributes",
        update: "SetTopicAttributes",
        delete: "DeleteTopic",
        listTags: "ListTagsForResource",
      },
    ],
    [
      "DynamoDB Table",
      "dynamodb",
      {
        create: "CreateTable",
        read: "DescribeTable",
        update: "UpdateTable",
        delete: "DeleteTable",
        listTags: "ListTagsOfResource",
      },
    ],
    [
      "CloudWatch Logs Log Group",
      "logs",
      {
        create: "CreateLogGroup",
        read: "DescribeLogGroups",
        delete: "DeleteLogGroup",
        listTags: "ListTagsForResource",
      },
    ],
    [
      "Secrets Manager Secret Version",
      "secretsmanager",
      { create: "PutSecretValue", read: "GetSecretValue", update: "PutSecretValue" },
    ],
    [
      "Secrets Manager Secret",
      "secretsmanager",
      {
        create: "CreateSecret",
        read: "DescribeSecret",
        readPolicy: "GetResourcePolicy",
        update: "UpdateSecret",
        delete: "DeleteSecret",
      },
    ],
    [
      "SSM Parameter",
      "ssm",
      {
        create: "PutParameter",
        read: "GetParameter",
        update: "PutParameter",
        delete: "DeleteParameter",
        listTags: "ListTagsForResource",
      },
    ],
    [
      "ECR Repository",
      "ecr",
      {
        create: "CreateRepository",
        read: "DescribeRepositories",
        delete: "DeleteRepository",
        listTags: "ListTagsForResource",
      },
    ],
    [
      "ECS Task Definition",
      "ecs",
      { create: "RegisterTaskDefinition", read: "DescribeTaskDefinition", delete: "DeregisterTaskDefinition" },
    ],
    [
      "ECS Cluster",
      "ecs",
      { create: "CreateCluster", read: "DescribeClusters", update: "UpdateCluster", delete: "DeleteCluster" },
    ],
    [
      "ECS Service",
      "ecs",
      { create: "CreateService", read: "DescribeServices", update: "UpdateService", delete: "DeleteService" },
    ],
    [
      "EKS Node Group",
      "eks",
      {
        create: "CreateNodegroup",
        read: "DescribeNodegroup",
        update: "UpdateNodegroupConfig",
        delete: "DeleteNodegroup",
      },
    ],
    [
      "EKS Cluster",
      "eks",
      { create: "CreateCluster", read: "DescribeCluster", update: "UpdateClusterConfig", delete: "DeleteCluster" },
    ],
    [
      "Organizations Policy",
      "organizations",
      { create: "CreatePolicy", read: "DescribePolicy", update: "UpdatePolicy", delete: "DeletePolicy" },
    ],
    [
      "Route 53 Hosted Zone",
      "route53",
      { create: "CreateHostedZone", read: "GetHostedZone", delete: "DeleteHostedZone" },
    ],
    [
      "Route 53 Record",
      "route53",
      {
        create: "ChangeResourceRecordSets",
        read: "ListResourceRecordSets",
        update: "ChangeResourceRecordSets",
        delete: "ChangeResourceRecordSets",
      },
    ],
    [
      "CloudWatch Metric Alarm",
      "cloudwatch",
      { create: "PutMetricAlarm", read: "DescribeAlarms", update: "PutMetricAlarm", delete: "DeleteAlarms" },
    ],
    [
      "EventBridge Rule",
      "events",
      {
        create: "PutRule",
        read: "DescribeRule",
        update: "PutRule",
        delete: "DeleteRule",
        listTags: "ListTagsForResource",
      },
    ],
    [
      "Step Functions State Machine",
      "states",
      {
        create: "CreateStateMachine",
        read: "DescribeStateMachine",
        update: "UpdateStateMachine",
        delete: "DeleteStateMachine",
      },
    ],
    // "API Gateway" alone is the old provider's REST API ("Error creating API Gateway: …"), today's "API Gateway REST API".
    [
      "API Gateway REST API",
      "apigateway",
      { create: "CreateRestApi", read: "GetRestApi", update: "UpdateRestApi", delete: "DeleteRestApi" },
    ],
    ["API Gateway", "apigateway", { create: "CreateRestApi", read: "GetRestApi", delete: "DeleteRestApi" }],
    ["API Gateway Deployment", "apigateway", { create: "CreateDeployment", delete: "DeleteDeployment" }],
    [
      "API Gateway Stage",
      "apigateway",
      { create: "CreateStage", read: "GetStage", update: "UpdateStage", delete: "DeleteStage" },
    ],
    [
      "EFS File System",
      "elasticfilesystem",
      { create: "CreateFileSystem", read: "DescribeFileSystems", delete: "DeleteFileSystem" },
    ],
    [
      "EFS Mount Target",
      "elasticfilesystem",
      { create: "CreateMountTarget", read: "DescribeMountTargets", delete: "DeleteMountTarget" },
    ],
    ["Kinesis Stream", "kinesis", { create: "CreateStream", read: "DescribeStream", delete: "DeleteStream" }],
    [
      "CloudFormation Stack",
      "cloudformation",
      { create: "CreateStack", read: "DescribeStacks", update: "UpdateStack", delete: "DeleteStack" },
    ],
  ] satisfies [string, string, Calls][]
).sort(([a], [b]) => b.length - a.length);
