import type { DenialRecord, FixDraft } from "../model";
import type { Subject } from "../iam";
import { shellWord } from "./shell";

/** The IAM calls that create an identity and take a PermissionsBoundary, by the kind of identity they create. */
const CREATES: Readonly<Record<string, "role" | "user">> = { "iam:createrole": "role", "iam:createuser": "user" };

/** True for a permissions-boundary denial of a call that creates a role or user: the delegation pattern's own check. */
export function createsBoundedIdentity(record: DenialRecord): boolean {
  return Object.hasOwn(CREATES, record.action?.toLowerCase() ?? "");
}

/**
 * A boundary denying iam:CreateRole (or CreateUser) is most often the usual delegation pattern: the delegated admin may
 * create roles only if each carries a required boundary (a Condition on iam:PermissionsBoundary). The fix is to pass
 * that boundary when creating the role, not to exempt the call.
 */
export function boundaryDelegationFix(record: DenialRecord, subject: Subject): FixDraft {
  const created = CREATES[record.action?.toLowerCase() ?? ""] ?? "role";
  const kind = subject.identityKind;
  const boundaryArn = "<REQUIRED_BOUNDARY_ARN>";
  const create =
    created === "role"
      ? `aws iam create-role --role-name <NEW_ROLE_NAME> --assume-role-policy-document file://trust.json --permissions-boundary ${boundaryArn}`
      : `aws iam create-user --user-name <NEW_USER_NAME> --permissions-boundary ${boundaryArn}`;
  return {
    layer: "permissions-boundary",
    title: `Create the ${created} with the permissions boundary your boundary requires`,
    owner: "you",
    statement: null,
    additionalStatements: [],
    target: `the ${record.action ?? "iam:CreateRole"} call: its PermissionsBoundary`,
    cli:
      `# Your own boundary: find the Deny on ${record.action ?? "iam:CreateRole"} and the iam:PermissionsBoundary ARN its Condition requires\n` +
      `aws iam get-${kind} --${kind}-name ${shellWord(subject.identityName)} --query '*.PermissionsBoundary.PermissionsBoundaryArn' --output text\n` +
      `aws iam get-policy-version --policy-arn <BOUNDARY_POLICY_ARN> --version-id $(aws iam get-policy ` +
      `--policy-arn <BOUNDARY_POLICY_ARN> --query Policy.DefaultVersionId --output text) --query PolicyVersion.Document\n` +
      `# then create the ${created} with that boundary:\n${create}`,
    terraform:
      `# In the aws_iam_${created} being created (in a module: pass its permissions boundary variable through):\n` +
      `permissions_boundary = "${boundaryArn}"`,
    sam:
      `# In the AWS::IAM::${created === "role" ? "Role" : "User"} (SAM functions: Properties.PermissionsBoundary, or ` +
      `Globals.Function.PermissionsBoundary):\nPermissionsBoundary: ${boundaryArn}`,
    consoleUrl: null,
    requestText: null,
    notes: [
      `A boundary that denies ${record.action ?? "iam:CreateRole"} is usually the delegation pattern: a delegated ` +
        `admin may create a ${created} only if it carries a required boundary (a Condition on iam:PermissionsBoundary), ` +
        `so the new ${created} cannot hold more than its creator. Pass that boundary when creating it.`,
      "If the boundary's Deny has no such Condition, only its owner can change it: ask them to allow the call for the " +
        `${created}s you create.`,
    ],
  };
}
