import type { FixDraft } from "../model";
import { consoleUrl } from "../iam";
import type { Subject } from "../iam";
import { quote, type Prepared } from "./prepared";
import { identifier, hclQuote, shellJson, toHcl, toYaml } from "./render";
import { shellWord } from "./shell";

/**
 * The identity fix for an IAM Identity Center (SSO) role: the statement goes into its permission set's inline policy,
 * because Identity Center rewrites the `AWSReservedSSO_*` role and drops anything put on it directly.
 */
export function permissionSetFix(
  draft: FixDraft,
  subject: Subject,
  permissionSet: string,
  document: Prepared,
): FixDraft {
  const findInstance = `INSTANCE=$(aws sso-admin list-instances --query 'Instances[0].InstanceArn' --output text)`;
  const nameOf = `aws sso-admin describe-permission-set --instance-arn "$INSTANCE" --permission-set-arn "$arn" --query PermissionSet.Name --output text`;
  const findSet =
    `for arn in $(aws sso-admin list-permission-sets --instance-arn "$INSTANCE" --query 'PermissionSets[]' --output text); do\n` +
    `  [ "$(${nameOf})" = ${quote(permissionSet)} ] && SET=$arn\n` +
    `done`;
  const name = identifier(permissionSet);
  return {
    ...draft,
    title: draft.title.replace(`role ${subject.identityName}`, `permission set ${permissionSet}`),
    owner: "sso-admin",
    target: `inline policy of permission set "${permissionSet}" (IAM Identity Center), not role ${subject.identityName}`,
    cli:
      `# In the Identity Center administrator's account\n${findInstance}\n${findSet}\n` +
      `aws sso-admin get-inline-policy-for-permission-set --instance-arn "$INSTANCE" --permission-set-arn "$SET"\n` +
      `aws sso-admin put-inline-policy-to-permission-set --instance-arn "$INSTANCE" --permission-set-arn "$SET" --inline-policy ${shellJson(document)}\n` +
      `aws sso-admin provision-permission-set --instance-arn "$INSTANCE" --permission-set-arn "$SET" ` +
      `--target-type AWS_ACCOUNT --target-id ${shellWord(subject.account)}`,
    terraform:
      `data "aws_ssoadmin_instances" "this" {}\n\ndata "aws_ssoadmin_permission_set" "${name}" {\n` +
      `  instance_arn = tolist(data.aws_ssoadmin_instances.this.arns)[0]\n  name         = ${hclQuote(permissionSet)}\n}\n\n` +
      `resource "aws_ssoadmin_permission_set_inline_policy" "${name}" {\n` +
      `  instance_arn       = data.aws_ssoadmin_permission_set.${name}.instance_arn\n` +
      `  permission_set_arn = data.aws_ssoadmin_permission_set.${name}.arn\n  inline_policy      = jsonencode(${toHcl(document, 1)})\n}`,
    sam: `# CloudFormation: the permission set's InlinePolicy (it replaces the whole inline policy)\nInlinePolicy:\n${toYaml(document, 1)}`,
    consoleUrl: consoleUrl({ partition: subject.partition }, "/singlesignon/home#/permissionsets"),
    notes: [
      ...draft.notes.filter((note) => !note.startsWith("Or attach AWS's managed policy")),
      `A permission set has one inline policy and put-inline-policy-to-permission-set replaces it: merge this ` +
        `statement into the policy the get-inline-policy-for-permission-set line prints.`,
    ],
  };
}
