import type { DenialRecord } from "../model";
import { ownEntry } from "../own";

/** What Lambda itself needs for a configuration-time permission error, per AWS's managed policies. */
export interface LambdaNeeds {
  actions: string[];
  /** The actions among `actions` that support no resource-level scope (the IAM data lists no resource type). */
  unscoped: string[];
  managedPolicy: string | null;
}

const BY_SERVICE: Record<string, LambdaNeeds> = {
  ec2: {
    actions: [
      "ec2:CreateNetworkInterface",
      "ec2:DescribeNetworkInterfaces",
      "ec2:DescribeSubnets",
      "ec2:DeleteNetworkInterface",
      "ec2:AssignPrivateIpAddresses",
      "ec2:UnassignPrivateIpAddresses",
    ],
    unscoped: [],
    managedPolicy: "service-role/AWSLambdaVPCAccessExecutionRole",
  },
  sqs: {
    actions: ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"],
    unscoped: [],
    managedPolicy: "service-role/AWSLambdaSQSQueueExecutionRole",
  },
  dynamodb: {
    actions: ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:ListStreams"],
    unscoped: ["dynamodb:ListStreams"],
    managedPolicy: "service-role/AWSLambdaDynamoDBExecutionRole",
  },
  kinesis: {
    actions: [
      "kinesis:DescribeStream",
      "kinesis:DescribeStreamSummary",
      "kinesis:GetRecords",
      "kinesis:GetShardIterator",
      "kinesis:ListShards",
      "kinesis:ListStreams",
      "kinesis:SubscribeToShard",
    ],
    unscoped: ["kinesis:ListStreams"],
    managedPolicy: "service-role/AWSLambdaKinesisExecutionRole",
  },
};

/** For Lambda's own configuration-time checks: the full action set and the managed policy that holds it. */
export function lambdaNeeds(record: DenialRecord): LambdaNeeds | null {
  if (record.kind !== "lambda-role-missing-permission" && record.kind !== "lambda-stream-access") return null;
  const needs = ownEntry(BY_SERVICE, record.service ?? "");
  if (!needs) return null;
  if (
    record.kind === "lambda-role-missing-permission" &&
    record.service === "sqs" &&
    record.action &&
    !needs.actions.includes(record.action)
  ) {
    return { actions: [record.action], unscoped: [], managedPolicy: null };
  }
  return needs;
}
