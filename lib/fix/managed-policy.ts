import type { DenialRecord, Fix } from "../model";
import type { Subject } from "../iam";
import { lambdaNeeds } from "./lambda-extras";

/** The policies Lambda's execution roles conventionally get for its logs and its VPC network interfaces. */
const LAMBDA_LOGS = "service-role/AWSLambdaBasicExecutionRole";
const LAMBDA_VPC = "service-role/AWSLambdaVPCAccessExecutionRole";
const LOGS_ACTIONS = new Set(["logs:createloggroup", "logs:createlogstream", "logs:putlogevents"]);
const VPC_ACTIONS = new Set([
  "ec2:createnetworkinterface",
  "ec2:describenetworkinterfaces",
  "ec2:deletenetworkinterface",
  "ec2:assignprivateipaddresses",
  "ec2:unassignprivateipaddresses",
]);

/**
 * The AWS managed policy that is the conventional fix of an execution-role denial, offered beside the
 * least-privilege statement: Lambda's configuration errors name one, and a function's own logs or VPC
 * calls are what AWSLambdaBasicExecutionRole and AWSLambdaVPCAccessExecutionRole hold. Null otherwise.
 */
export function managedPolicyFor(record: DenialRecord, subject: Subject): Fix["managedPolicy"] {
  const configured = lambdaNeeds(record)?.managedPolicy ?? null;
  const action = record.action?.toLowerCase() ?? "";
  const ownCall = subject.functionName !== null;
  const name =
    configured ??
    (ownCall && LOGS_ACTIONS.has(action) ? LAMBDA_LOGS : ownCall && VPC_ACTIONS.has(action) ? LAMBDA_VPC : null);
  if (name === null) return null;
  return { name: name.slice(name.lastIndexOf("/") + 1), arn: `arn:${subject.partition}:iam::aws:policy/${name}` };
}
