import type { DenialRecord, FixDraft } from "../model";
import { consoleHost } from "../iam/arn";
import type { Subject } from "../iam/subject";
import { policyDocument, quote, shellJson, toHcl, toYaml } from "./render";

/** The trust-policy fix: let the caller (or Lambda itself) assume the role. */
export function trustPolicyFix(record: DenialRecord, subject: Subject): FixDraft {
  const forLambda = record.kind === "lambda-role-not-assumable";
  const targetRole = forLambda ? "<EXECUTION_ROLE_NAME>" : (subject.resourceArn?.includes(":role/") ? subject.resourceArn.split("/").pop()! : "<ROLE_NAME>");
  const principal = forLambda ? { Service: "lambda.amazonaws.com" } : { AWS: subject.principalArn };
  const statement = { Effect: "Allow", Principal: principal, Action: "sts:AssumeRole" };
  const document = policyDocument([statement]);
  const notes = [
    "update-assume-role-policy replaces the whole trust policy: include the statements that are already there.",
  ];
  if (!forLambda) notes.push(`The caller ${subject.principalArn} also needs sts:AssumeRole on the role in its own policy.`);
  if (forLambda) notes.push("If the role was created seconds ago, wait and retry: IAM may not have propagated it yet.");
  return {
    layer: "trust-policy",
    title: forLambda ? "Let Lambda assume the execution role" : `Let ${subject.identityName} assume role ${targetRole}`,
    owner: "you",
    statement,
    target: `trust policy of role ${targetRole}`,
    cli: `aws iam update-assume-role-policy --role-name ${targetRole} --policy-document ${shellJson(document)}`,
    terraform: `resource "aws_iam_role" "this" {\n  name               = ${quote(targetRole)}\n  assume_role_policy = jsonencode(${toHcl(document, 1)})\n}`,
    sam: `# CloudFormation\nRole:\n  Type: AWS::IAM::Role\n  Properties:\n    RoleName: ${targetRole}\n    AssumeRolePolicyDocument:\n${toYaml(document, 3)}`,
    consoleUrl: targetRole.startsWith("<") ? null : `https://${consoleHost(subject.partition)}/iam/home#/roles/details/${encodeURIComponent(targetRole)}?section=trust_relationships`,
    requestText: null,
    notes,
  };
}
