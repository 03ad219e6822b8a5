import { ownEntry } from "../own";
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
  // CDK before a deploy: it could not assume its bootstrap role (missing, or its trust policy does not name the caller).
  {
    pattern: /current credentials could not be used to assume '(arn:[^'\s]{1,400})'/,
    anchors: ["current credentials could not be used to assume"],
    read: (m) => ({ kind: "generic-denied", service: "sts", action: "sts:AssumeRole", resource: m[1] ?? "" }),
  },
  // amazon-efs-utils (the EFS CSI driver): with the iam mount option, EFS asks the file system policy and the
  // caller's IAM policy for elasticfilesystem:ClientMount.
  {
    pattern: /mount\.nfs4?: access denied by server while mounting/,
    anchors: ["access denied by server while mounting"],
    read: () => ({ kind: "generic-denied", service: "elasticfilesystem", action: "elasticfilesystem:ClientMount" }),
  },
  // Lake Formation's own API (credential vending for Iceberg, Athena, EMR): its grants refused the table's data.
  {
    pattern: /Access is not allowed\.? \(Service: LakeFormation/,
    anchors: ["Access is not allowed"],
    read: () => ({ kind: "lake-formation", service: "glue", requiredPermission: null, databaseName: null }),
  },
  // Step Functions' .sync integrations create an EventBridge rule to learn when the job ends: the state machine's
  // role needs events:PutRule (with PutTargets and DescribeRule) on arn:…:rule/StepFunctionsGetEventsFor…Rule.
  {
    pattern: /(?:'(arn:[^'\s]{1,400})' )?is not authorized to create managed-rule/,
    anchors: ["is not authorized to create managed-rule"],
    read: (m) => ({
      kind: "generic-denied",
      service: "events",
      action: "events:PutRule",
      ...(m[1] ? { principal: m[1] } : {}),
    }),
  },
  // AppSync's GraphQL errors: the request's authorization mode, or with AWS_IAM the caller's appsync:GraphQL grant.
  {
    pattern:
      /Not Authorized to access \w{1,100} on type \w{1,100}|UnauthorizedException['"]?\s{0,4},\s{0,4}['"]?message['"]?\s{0,4}:\s{0,4}['"]Permission denied/,
    anchors: ["Not Authorized to access ", "UnauthorizedException"],
    read: () => ({ kind: "generic-denied", service: "appsync", action: "appsync:GraphQL" }),
  },
  // EventBridge Pipes' execution log: the pipe's role may not invoke its target.
  {
    pattern: /Target invocation failed with error from \w{1,40}\. Not allowed to invoke (arn:[^\s".]{1,400})/,
    anchors: ["Not allowed to invoke arn:"],
    read: (m) => ({ kind: "generic-denied", ...targetInvocation(m[1] ?? "") }),
  },
  // Route 53's XML body names the caller but not the call (the wrapper's operation does): "User: arn:… is not
  // authorized to access this resource".
  {
    pattern: /User: (arn:[^\s"'<>]{1,400}) is not authorized to access this resource/,
    anchors: [" is not authorized to access this resource"],
    read: (m) => ({ kind: "generic-denied", principal: m[1] ?? "" }),
  },
  // SageMaker CreateEndpoint: the model's execution role must pull its images from ECR.
  {
    pattern: /the execution role used to create the model has permissions to access them/,
    anchors: ["the execution role used to create the model has permissions to access them"],
    read: () => ({ kind: "generic-denied", service: "ecr", action: "ecr:BatchGetImage" }),
  },
  // Lake Formation's GrantPermissions (a resource link's target too) reads the table through Glue as the caller: its
  // Glue access to the table, in the catalog's account, is what was missing.
  {
    pattern: /Insufficient Glue permissions to access table [\w-]{1,255}/,
    anchors: ["Insufficient Glue permissions to access table "],
    read: () => ({ kind: "generic-denied", service: "glue", action: "glue:GetTable" }),
  },
];
