import type { Subject } from "../iam";
import { ownEntry } from "../own";

/**
 * What one step of a multi-call workflow needs beside itself: a fix granting only the denied step moves the denial to
 * the next call. The IAM reference's dependent actions do not list these (they are separate API calls), so they are
 * written here; every action name is checked against the IAM data by the tests.
 */
export interface Companions {
  /** Actions granted beside the denied one, on the same resources. */
  scoped: readonly string[];
  /** Actions that support no resource-level permissions: granted on "*" in a statement of their own. */
  unscoped: readonly string[];
  /** A further statement the call needs on other resources (iam:PassRole on the roles a task definition names). */
  statement: ((location: Pick<Subject, "partition" | "account" | "bucket">) => Record<string, unknown>) | null;
  note: string;
}

/** The calls `docker push` makes against a repository, in order; the login before them is ecr:GetAuthorizationToken. */
const ECR_PUSH: Companions = {
  scoped: [
    "ecr:BatchCheckLayerAvailability",
    "ecr:InitiateLayerUpload",
    "ecr:UploadLayerPart",
    "ecr:CompleteLayerUpload",
    "ecr:PutImage",
  ],
  unscoped: ["ecr:GetAuthorizationToken"],
  statement: null,
  note:
    "docker push logs in with ecr:GetAuthorizationToken, then calls BatchCheckLayerAvailability, InitiateLayerUpload, " +
    "UploadLayerPart, CompleteLayerUpload and PutImage on the repository: the fix grants the whole push, so the next " +
    "step is not denied in turn.",
};

/** ECS checks iam:PassRole on a task definition's task role and execution role when it starts the task. */
const ECS_TASK_START: Companions = {
  scoped: [],
  unscoped: [],
  statement: (location) => ({
    Sid: "AllowPassTaskRolesToEcs",
    Effect: "Allow",
    Action: "iam:PassRole",
    Resource: [
      `arn:${location.partition}:iam::${location.account}:role/<TASK_ROLE_NAME>`,
      `arn:${location.partition}:iam::${location.account}:role/<EXECUTION_ROLE_NAME>`,
    ],
    Condition: { StringEquals: { "iam:PassedToService": "ecs-tasks.amazonaws.com" } },
  }),
  note:
    "A task definition with a task role or an execution role makes ECS check iam:PassRole on each: the second " +
    "statement lets the caller pass them to ECS tasks only. Name them as the task definition does (aws ecs " +
    "describe-task-definition --task-definition <TASK_DEFINITION> --query 'taskDefinition.[taskRoleArn,executionRoleArn]'); " +
    "drop the one it has not.",
};

/** EMR checks iam:PassRole on the cluster's service role and on its EC2 instance profile's role when it starts a cluster. */
const EMR_CLUSTER_START: Companions = {
  scoped: [],
  unscoped: [],
  statement: (location) => ({
    Sid: "AllowPassClusterRolesToEmr",
    Effect: "Allow",
    Action: "iam:PassRole",
    Resource: [
      `arn:${location.partition}:iam::${location.account}:role/<EMR_SERVICE_ROLE_NAME>`,
      `arn:${location.partition}:iam::${location.account}:role/<EC2_INSTANCE_PROFILE_ROLE_NAME>`,
    ],
    Condition: { StringEquals: { "iam:PassedToService": ["elasticmapreduce.amazonaws.com", "ec2.amazonaws.com"] } },
  }),
  note:
    "RunJobFlow passes two roles, the cluster's service role (ServiceRole, EMR_DefaultRole by default) and its EC2 " +
    "instance profile's role (JobFlowRole, EMR_EC2_DefaultRole by default): IAM checks iam:PassRole on each, so the " +
    "second statement lets the caller pass them to EMR only. Name them as the request does.",
};

/** A call that hands a role to a service, which IAM checks as iam:PassRole on that role, passed to that service only. */
function passesRole(sid: string, roleName: string, service: string, note: string): Companions {
  return {
    scoped: [],
    unscoped: [],
    statement: (location) => ({
      Sid: sid,
      Effect: "Allow",
      Action: "iam:PassRole",
      Resource: `arn:${location.partition}:iam::${location.account}:role/${roleName}`,
      Condition: { StringEquals: { "iam:PassedToService": service } },
    }),
    note,
  };
}

const SAGEMAKER_JOB = passesRole(
  "AllowPassExecutionRoleToSageMaker",
  "<SAGEMAKER_EXECUTION_ROLE_NAME>",
  "sagemaker.amazonaws.com",
  "The job (or model) runs as the execution role the request names (RoleArn, ExecutionRoleArn): IAM checks " +
    "iam:PassRole on it, so the second statement lets the caller pass that role to SageMaker only.",
);

const BACKUP_JOB = passesRole(
  "AllowPassRoleToBackup",
  "<BACKUP_ROLE_NAME>",
  "backup.amazonaws.com",
  "AWS Backup runs the job as the role the request names (IamRoleArn, AWSBackupDefaultServiceRole by default): IAM " +
    "checks iam:PassRole on it, so the second statement lets the caller pass that role to AWS Backup only.",
);

/** Step Functions' .sync integrations manage an EventBridge rule of their own on the default bus. */
const STEP_FUNCTIONS_MANAGED_RULE: Companions = {
  scoped: ["events:PutTargets", "events:DescribeRule"],
  unscoped: [],
  statement: null,
  note:
    "A .sync task makes Step Functions create, aim and read an EventBridge rule on the default bus " +
    "(StepFunctionsGetEventsFor<Service>Rule): the state machine's role needs events:PutRule, events:PutTargets and " +
    "events:DescribeRule on it.",
};

/** Vended log delivery (Step Functions' logging, among others): the calls support no resource-level permissions. */
const LOG_DELIVERY_COMPANIONS = [
  "logs:GetLogDelivery",
  "logs:UpdateLogDelivery",
  "logs:DeleteLogDelivery",
  "logs:ListLogDeliveries",
  "logs:PutResourcePolicy",
  "logs:DescribeResourcePolicies",
  "logs:DescribeLogGroups",
];
const LOG_DELIVERY_CALLS = ["logs:CreateLogDelivery", ...LOG_DELIVERY_COMPANIONS].map((action) =>
  action.slice("logs:".length),
);
const LOG_DELIVERY: Companions = {
  scoped: [],
  unscoped: LOG_DELIVERY_COMPANIONS,
  statement: null,
  note:
    "Logging to CloudWatch Logs goes through log delivery: the role (a state machine's, for Step Functions) needs " +
    `${LOG_DELIVERY_CALLS.slice(0, -1).join(", ")} and ${LOG_DELIVERY_CALLS.at(-1)}, ` +
    'all on "*" (they support no resource-level permissions).',
};

/** Athena's query-results bucket (aws-athena-query-results-<ACCOUNT>-<REGION> by default): found, listed, written. */
const ATHENA_RESULTS_BUCKET: Companions = {
  scoped: ["s3:ListBucket"],
  unscoped: [],
  statement: (location) => ({
    Sid: "AllowAthenaQueryResults",
    Effect: "Allow",
    Action: "s3:PutObject",
    Resource: `arn:${location.partition}:s3:::${location.bucket ?? "<BUCKET_NAME>"}/*`,
  }),
  note:
    "Athena finds the query-results bucket (s3:GetBucketLocation), lists it (s3:ListBucket) and writes each query's " +
    "results into it (s3:PutObject on its objects): the caller needs all three, or a bucket of its own passed as the " +
    "query's output location.",
};

const BY_ACTION: Record<string, Companions> = {
  "logs:createlogdelivery": LOG_DELIVERY,
  ...Object.fromEntries(ECR_PUSH.scoped.map((action) => [action.toLowerCase(), ECR_PUSH])),
  "ecs:runtask": ECS_TASK_START,
  "ecs:starttask": ECS_TASK_START,
  "elasticmapreduce:runjobflow": EMR_CLUSTER_START,
  "sagemaker:createtrainingjob": SAGEMAKER_JOB,
  "sagemaker:createprocessingjob": SAGEMAKER_JOB,
  "sagemaker:createtransformjob": SAGEMAKER_JOB,
  "sagemaker:createhyperparametertuningjob": SAGEMAKER_JOB,
  "sagemaker:createmodel": SAGEMAKER_JOB,
  "sagemaker:createnotebookinstance": SAGEMAKER_JOB,
  "backup:startbackupjob": BACKUP_JOB,
  "backup:startrestorejob": BACKUP_JOB,
};

/** Companions that a call needs only on one resource: Step Functions' managed rule, Athena's results bucket. */
const BY_RESOURCE_PREFIX: [prefix: string, action: string, companions: Companions][] = [
  [":rule/StepFunctionsGetEventsFor", "events:putrule", STEP_FUNCTIONS_MANAGED_RULE],
  [":::aws-athena-query-results-", "s3:getbucketlocation", ATHENA_RESULTS_BUCKET],
];

/** What a call of `action` on `resource` needs beside itself for its workflow to succeed, or null when it stands alone. */
export function companionsOf(action: string, resource: string | null = null): Companions | null {
  const lower = action.toLowerCase();
  const byResource = BY_RESOURCE_PREFIX.find(([prefix, trigger]) => trigger === lower && resource?.includes(prefix));
  return byResource?.[2] ?? ownEntry(BY_ACTION, lower) ?? null;
}

/** Every action that has companions (lower-cased) with them, for checking the tables against the IAM reference data. */
export function allCompanions(): { action: string; companions: Companions }[] {
  return [
    ...Object.entries(BY_ACTION).map(([action, companions]) => ({ action, companions })),
    ...BY_RESOURCE_PREFIX.map(([, action, companions]) => ({ action, companions })),
  ];
}
