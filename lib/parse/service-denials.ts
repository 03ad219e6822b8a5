import { ownEntry } from "../own";
import { anchorSet } from "./anchors";
import type { SpecialPattern } from "./special-messages";

/** The call an EventBridge pipe (or rule) makes on a target of each service, as its execution role must allow it. */
const TARGET_INVOCATION: Record<string, string> = {
  states: "states:StartExecution",
  lambda: "lambda:InvokeFunction",
  sqs: "sqs:SendMessage",
  sns: "sns:Publish",
  events: "events:PutEvents",
  kinesis: "kinesis:PutRecord",
  firehose: "firehose:PutRecord",
};

function targetInvocation(arn: string): { service?: string; action?: string; resource: string } {
  const service = arn.split(":")[2] ?? "";
  const action = ownEntry(TARGET_INVOCATION, service);
  return action ? { service, action, resource: arn } : { resource: arn };
}

/**
 * Denials a service or tool words its own way, where IAM (a role's policy, a resource's policy or a grant) is still
 * what must change: each names the service, and the action and resource when its words fix them.
 */
export const SERVICE_DENIALS: SpecialPattern[] = [
  // StackSets: the target account's execution role must trust the administrator account's administration role.
  {
    pattern:
      /Account (\d{12}) should have '([\w+=,.@-]{1,64})' role with trust relationship to Role '([\w+=,.@-]{1,64})'/,
    anchors: anchorSet("role with trust relationship to Role"),
    read: (m) => ({
      kind: "generic-denied",
      service: "sts",
      action: "sts:AssumeRole",
      // The administration role is the administrator account's, which the message does not name.
      principal: `arn:aws:iam::<ADMINISTRATOR_ACCOUNT_ID>:role/${m[3] ?? ""}`,
      resource: `arn:aws:iam::${m[1] ?? ""}:role/${m[2] ?? ""}`,
    }),
  },
  // A service that runs as a role it is given, refused by that role's trust policy.
  {
    pattern: /The execution role you provide must allow AWS EventBridge Scheduler to assume the role/,
    anchors: anchorSet("must allow AWS EventBridge Scheduler to assume the role"),
    read: () => ({
      kind: "generic-denied",
      service: "sts",
      action: "sts:AssumeRole",
      principal: "scheduler.amazonaws.com",
    }),
  },
  // EventBridge's PutRule / PutTargets (and others) name the service principal the role's trust policy must name.
  {
    pattern: /Provided role '(arn:[^'\s]{1,400})' cannot be assumed by principal '([\w.-]{1,100}\.amazonaws\.com)'/,
    anchors: anchorSet("' cannot be assumed by principal '"),
    read: (m) => ({
      kind: "generic-denied",
      service: "sts",
      action: "sts:AssumeRole",
      principal: m[2] ?? "",
      resource: m[1] ?? "",
    }),
  },
  // Step Functions (and others) naming their own principal: also said when the role is called in another Region
  // than the one the service runs in, so the Region in the role's use is worth a look before the trust policy.
  {
    pattern: /The principal ([\w.-]{1,100}\.amazonaws\.com) is not authorized to assume the provided role/,
    anchors: anchorSet(" is not authorized to assume the provided role"),
    read: (m) => ({ kind: "generic-denied", service: "sts", action: "sts:AssumeRole", principal: m[1] ?? "" }),
  },
  // App Runner pulling an ECR image through its access role, which must trust build.apprunner.amazonaws.com.
  {
    pattern: /Error in assuming access role (arn:[^\s'"]{1,400})/,
    anchors: anchorSet("Error in assuming access role "),
    read: (m) => ({
      kind: "generic-denied",
      service: "sts",
      action: "sts:AssumeRole",
      principal: "build.apprunner.amazonaws.com",
      resource: m[1] ?? "",
    }),
  },
  {
    pattern: /Role (arn:[^\s\]]{1,400}|\[role_arn\]) is invalid or cannot be assumed/,
    anchors: anchorSet(" is invalid or cannot be assumed"),
    read: (m) => ({
      kind: "generic-denied",
      service: "sts",
      action: "sts:AssumeRole",
      principal: "cloudformation.amazonaws.com",
      ...(m[1]?.startsWith("arn:") ? { resource: m[1] } : {}),
    }),
  },
  // ECS starting a task: the task execution role (not the task role) reads the secrets the task definition names.
  {
    pattern:
      /unable to pull secrets or registry auth[^\n]{0,400}?(?:failed to fetch secret (arn:aws[a-z-]{0,12}:secretsmanager:[^\s"']{1,400}))?/,
    anchors: anchorSet("unable to pull secrets or registry auth"),
    read: (m) => ({
      kind: "generic-denied",
      service: "secretsmanager",
      action: "secretsmanager:GetSecretValue",
      ...(m[1] ? { resource: m[1] } : {}),
    }),
  },
  // AWS Config's delivery channel says the bucket policy is what refuses it.
  {
    pattern:
      /InsufficientDeliveryPolicyException|Your Amazon S3 bucket policy does not permit AWS Config to write to it/,
    anchors: anchorSet("InsufficientDeliveryPolicyException", "does not permit AWS Config to write to it"),
    read: () => ({
      kind: "generic-denied",
      service: "s3",
      action: "s3:PutObject",
      principal: "config.amazonaws.com",
      statedPolicyType: "resource-based",
    }),
  },
  // A service-linked role the call needs does not exist, and the caller may not create it.
  {
    pattern: /Service-linked role '(AWSServiceRoleFor[\w+=,.@-]{1,64})' for \w{1,40} is required/,
    anchors: anchorSet("Service-linked role '"),
    read: () => ({ kind: "generic-denied", service: "iam", action: "iam:CreateServiceLinkedRole" }),
  },
  // CDK before a deploy: it could not assume its bootstrap role (missing, or its trust policy does not name the caller).
  {
    pattern: /current credentials could not be used to assume '(arn:[^'\s]{1,400})'/,
    anchors: anchorSet("current credentials could not be used to assume"),
    read: (m) => ({ kind: "generic-denied", service: "sts", action: "sts:AssumeRole", resource: m[1] ?? "" }),
  },
  // amazon-efs-utils (the EFS CSI driver): with the iam mount option, EFS asks the file system policy and the
  // caller's IAM policy for elasticfilesystem:ClientMount.
  {
    pattern: /mount\.nfs4?: access denied by server while mounting/,
    anchors: anchorSet("access denied by server while mounting"),
    read: () => ({ kind: "generic-denied", service: "elasticfilesystem", action: "elasticfilesystem:ClientMount" }),
  },
  // Lake Formation's own API (credential vending for Iceberg, Athena, EMR): its grants refused the table's data.
  {
    pattern: /Access is not allowed\.? \(Service: LakeFormation/,
    anchors: anchorSet("Access is not allowed"),
    read: () => ({ kind: "lake-formation", service: "glue", requiredPermission: null, databaseName: null }),
  },
  // Step Functions' .sync integrations create an EventBridge rule to learn when the job ends: the state machine's
  // role needs events:PutRule (with PutTargets and DescribeRule) on arn:…:rule/StepFunctionsGetEventsFor…Rule.
  {
    pattern: /(?:'(arn:[^'\s]{1,400})' )?is not authorized to create managed-rule/,
    anchors: anchorSet("is not authorized to create managed-rule"),
    read: (m) => ({
      kind: "generic-denied",
      service: "events",
      action: "events:PutRule",
      resource: "arn:aws:events:<REGION>:<ACCOUNT_ID>:rule/StepFunctionsGetEventsFor*",
      ...(m[1] ? { principal: m[1] } : {}),
    }),
  },
  // AppSync's GraphQL errors: the request's authorization mode, or with AWS_IAM the caller's appsync:GraphQL grant.
  {
    pattern:
      /Not Authorized to access \w{1,100} on type \w{1,100}|UnauthorizedException['"]?\s{0,4},\s{0,4}['"]?message['"]?\s{0,4}:\s{0,4}['"]Permission denied/,
    anchors: anchorSet("Not Authorized to access ", "UnauthorizedException"),
    read: () => ({ kind: "generic-denied", service: "appsync", action: "appsync:GraphQL" }),
  },
  // EventBridge Pipes' execution log: the pipe's role may not invoke its target.
  {
    pattern: /Target invocation failed with error from \w{1,40}\. Not allowed to invoke (arn:[^\s".]{1,400})/,
    anchors: anchorSet("Not allowed to invoke arn:"),
    read: (m) => ({ kind: "generic-denied", ...targetInvocation(m[1] ?? "") }),
  },
  // Route 53's XML body names the caller but not the call (the wrapper's operation does): "User: arn:… is not
  // authorized to access this resource".
  {
    pattern: /User: (arn:[^\s"'<>]{1,400}) is not authorized to access this resource/,
    anchors: anchorSet(" is not authorized to access this resource"),
    read: (m) => ({ kind: "generic-denied", principal: m[1] ?? "" }),
  },
  // SageMaker CreateEndpoint: the model's execution role must pull its images from ECR.
  {
    pattern: /the execution role used to create the model has permissions to access them/,
    anchors: anchorSet("the execution role used to create the model has permissions to access them"),
    read: () => ({ kind: "generic-denied", service: "ecr", action: "ecr:BatchGetImage" }),
  },
  // Lake Formation's GrantPermissions (a resource link's target too) reads the table through Glue as the caller: its
  // Glue access to the table, in the catalog's account, is what was missing.
  {
    pattern: /Insufficient Glue permissions to access table [\w-]{1,255}/,
    anchors: anchorSet("Insufficient Glue permissions to access table "),
    read: () => ({ kind: "generic-denied", service: "glue", action: "glue:GetTable" }),
  },
  // Step Functions' logging: the state machine's role delivers its logs through CloudWatch Logs' log delivery.
  {
    pattern: /The state machine IAM Role is not authorized to access the Log(?: Destination)?/,
    anchors: anchorSet("The state machine IAM Role is not authorized to access the Log"),
    read: () => ({ kind: "generic-denied", service: "logs", action: "logs:CreateLogDelivery" }),
  },
  // Athena's output location: the caller cannot reach (or create) the query-results bucket it names.
  {
    pattern: /Unable to verify\/create output bucket ([A-Za-z0-9][\w.-]{0,62}[A-Za-z0-9])/,
    anchors: anchorSet("Unable to verify/create output bucket "),
    read: (m) => ({
      kind: "generic-denied",
      service: "s3",
      action: "s3:GetBucketLocation",
      resource: `arn:aws:s3:::${m[1] ?? ""}`,
    }),
  },
  // Bedrock invoked with a managed prompt's ARN as the model: the prompt, not model access, is what was refused.
  {
    pattern: /Your account is not authorized to invoke this API operation with a prompt resource/,
    anchors: anchorSet("with a prompt resource"),
    read: () => ({ kind: "generic-denied", service: "bedrock", action: "bedrock:InvokeModel" }),
  },
];
