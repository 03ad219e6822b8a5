import type { DenialRecord, FixDraft } from "../model";
import { consoleUrl, isInstanceSession } from "../iam";
import type { Subject } from "../iam";
import { companionsOf } from "./companions";
import { lambdaNeeds } from "./lambda-extras";
import { managedPolicyFor } from "./managed-policy";
import { permissionSetFix } from "./permission-set";
import { prepare, type Prepared } from "./prepared";
import { identifier, policyDocument, hclQuote, shellJson, sid, toHcl, toYaml } from "./render";
import type { Scope } from "./scope";
import { shellWord } from "./shell";

/** The least-privilege Allow to add to the caller's role (or user): the execution-role fix when no Deny matched. */
export function identityFix(record: DenialRecord, subject: Subject, scope: Scope): FixDraft {
  const needs = lambdaNeeds(record);
  const companions = needs ? null : companionsOf(scope.action, record.resource);
  const actions = needs?.actions ?? [
    ...new Set([
      scope.action,
      ...scope.dependentActions,
      ...(companions?.scoped ?? []),
      ...(companions?.unscoped ?? []),
    ]),
  ];
  const resources = needs && record.service === "ec2" ? ["*"] : withStreamConsumers(needs !== null, scope.resources);
  // An action with no resource-level scope matches no ARN: it goes on "*" in a statement of its own.
  const unscoped = resources.includes("*") ? [] : (needs?.unscoped ?? companions?.unscoped ?? []);
  const scoped = actions.filter((action) => !unscoped.includes(action));
  const statement = {
    Sid: sid("Allow", actions[0] ?? ""),
    Effect: "Allow",
    Action: scoped.length === 1 ? scoped[0]! : scoped,
    Resource: resources.length === 1 ? resources[0]! : resources,
  };
  const additionalStatements: Record<string, unknown>[] =
    unscoped.length > 0
      ? [
          {
            Sid: sid("Allow", unscoped[0]!),
            Effect: "Allow",
            Action: unscoped.length === 1 ? unscoped[0]! : unscoped,
            Resource: "*",
          },
        ]
      : [];
  const companionStatement = companions?.statement?.(subject);
  if (companionStatement) additionalStatements.push(companionStatement);
  // The title counts what the change grants, the companion statement's action too (ecs:RunTask and iam:PassRole).
  const granted = typeof companionStatement?.Action === "string" ? [...actions, companionStatement.Action] : actions;
  // Read once for every form: the CLI's JSON, the Terraform and the template.
  const statements = prepare([statement, ...additionalStatements]);
  const policyName = `whydenied-${identifier(actions[0] ?? "policy", "-")}`;
  const kind = subject.identityKind;
  const document = prepare(policyDocument(statements));
  const notes: string[] = [];
  if (scope.note) notes.push(scope.note);
  if (companions) notes.push(companions.note);
  if (unscoped.length > 0)
    notes.push(
      `${unscoped.join(", ")} does not support resource-level permissions: a second statement grants it on "*".`,
    );
  if (!needs && scope.dependentActions.length > 0) {
    notes.push(
      `The IAM reference lists ${scope.dependentActions.join(", ")} as needed by ${scope.action} too: the statement grants them; ` +
        "scope them further if your policy names their resources.",
    );
  }
  const managed = managedPolicyFor(record, subject);
  if (managed) {
    notes.push(
      `Or attach AWS's managed policy ${managed.name}: aws iam attach-${kind}-policy --${kind}-name ${subject.identityName} ` +
        `--policy-arn ${managed.arn}`,
    );
  }
  if (subject.functionName) {
    notes.push(
      `If ${subject.functionName} is a Lambda function: its running instances keep their old credentials ` +
        `for a while; update the function's configuration to refresh them at once.`,
    );
  }
  if (isInstanceSession(subject.principal)) notes.push(instanceRoleNote(subject.identityName));
  if (record.kind === "lambda-role-missing-permission" || record.kind === "lambda-stream-access") {
    notes.push(
      "IAM changes take a few seconds to propagate: if the role was just created, retry the deployment before changing anything.",
    );
  }
  const roleRef = `${kind.padEnd(6)} = ${hclQuote(subject.identityName)}`;
  const draft: FixDraft = {
    layer: "execution-role",
    title: `Allow ${granted.length > 2 ? `${granted.length} actions` : granted.join(" and ")} in ${kind} ${subject.identityName}'s policy`,
    owner: "you",
    statement,
    additionalStatements,
    target: `inline policy "${policyName}" on ${kind} ${subject.identityName}`,
    cli:
      `aws iam put-${kind}-policy --${kind}-name ${shellWord(subject.identityName)} ` +
      `--policy-name ${shellWord(policyName)} --policy-document ${shellJson(document)}`,
    terraform:
      `resource "aws_iam_${kind}_policy" "${identifier(policyName)}" {\n  name   = ${hclQuote(policyName)}\n` +
      `  ${roleRef}\n  policy = jsonencode(${toHcl(document, 1)})\n}`,
    sam: subject.functionName
      ? samFunctionPolicy(subject.functionName, statements)
      : cfnInlinePolicy(subject, policyName, document),
    consoleUrl: consoleUrl(
      { partition: subject.partition },
      `/iam/home#/${kind}s/details/${encodeURIComponent(subject.identityName)}?section=permissions`,
    ),
    requestText: null,
    notes,
  };
  const { caller } = subject;
  return caller.kind === "sso-role" && caller.name ? permissionSetFix(draft, subject, caller.name, document) : draft;
}

/** An EC2 instance's role as caller: a pod meant to run as its own role (IRSA, EKS Pod Identity) may have fallen back to it. */
function instanceRoleNote(roleName: string): string {
  return (
    `The caller is an EC2 instance's role (${roleName}, session i-…). If the call came from a Kubernetes pod meant to ` +
    "use a role of its own (IRSA or EKS Pod Identity), that role may not be in effect and the pod fell back to the " +
    "node's credentials: check the service account's eks.amazonaws.com/role-arn annotation and that the pod has " +
    "AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE set (kubectl describe pod; the pod-identity webhook must be running), " +
    "then restart the pod and grant the pod's role instead. Grant the node role only if every pod on the node may " +
    "make this call."
  );
}

function samFunctionPolicy(functionName: string, statements: Prepared): string {
  // sid() capitalises each word of the identifier: "image_resizer" → "ImageResizer".
  const logicalId = sid(identifier(functionName)) || "MyFunction";
  return (
    `# template.yaml (AWS SAM): add to the function's Policies\n${logicalId}:\n` +
    `  Type: AWS::Serverless::Function\n  Properties:\n    Policies:\n      - Statement:\n` +
    `${toYaml(statements, 5)}`
  );
}

function cfnInlinePolicy(subject: Subject, policyName: string, document: Prepared): string {
  const nameKey = subject.identityKind === "user" ? "UserName" : "RoleName";
  const type = subject.identityKind === "user" ? "AWS::IAM::UserPolicy" : "AWS::IAM::RolePolicy";
  return (
    `# CloudFormation\nWhyDeniedPolicy:\n  Type: ${type}\n  Properties:\n` +
    `    ${nameKey}: ${subject.identityName}\n    PolicyName: ${policyName}\n    PolicyDocument:\n` +
    `${toYaml(document, 3)}`
  );
}

/** Lambda's Kinesis poller reads through enhanced fan-out consumers too: kinesis:SubscribeToShard requires their ARNs. */
function withStreamConsumers(forLambda: boolean, resources: string[]): string[] {
  const stream = resources[0];
  if (!forLambda || !stream || !/^arn:[\w-]+:kinesis:[^:]*:[^:]*:stream\/[^/]+$/.test(stream)) return resources;
  return [...resources, `${stream}/consumer/*:*`];
}
