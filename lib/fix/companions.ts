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
  statement: ((location: Pick<Subject, "partition" | "account">) => Record<string, unknown>) | null;
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

const BY_ACTION: Record<string, Companions> = {
  ...Object.fromEntries(ECR_PUSH.scoped.map((action) => [action.toLowerCase(), ECR_PUSH])),
  "ecs:runtask": ECS_TASK_START,
  "ecs:starttask": ECS_TASK_START,
  "elasticmapreduce:runjobflow": EMR_CLUSTER_START,
};

/** What a call of `action` needs beside itself for its workflow to succeed, or null when it stands alone. */
export function companionsOf(action: string): Companions | null {
  return ownEntry(BY_ACTION, action.toLowerCase()) ?? null;
}

/** The actions that have companions, lower-cased, for checking the table against the IAM reference data. */
export function companionTriggers(): string[] {
  return Object.keys(BY_ACTION);
}
