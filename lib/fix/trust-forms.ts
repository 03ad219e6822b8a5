import type { FixDraft } from "../model";
import { consoleUrl } from "../iam";
import { compactJson } from "./json";
import type { Prepared } from "./prepared";
import { toHcl, toYaml } from "./render";
import { shellWord } from "./shell";

/**
 * One statement added to role `roleName`'s trust policy, in every form: a trust policy is replaced whole on update,
 * so each form adds to the policy that is there (`addHint` says how, in the CLI's comment), never a new one.
 */
export function trustPolicyForms(
  roleName: string,
  rendered: Prepared,
  partition: string,
  addHint: string,
): Pick<FixDraft, "cli" | "terraform" | "sam" | "consoleUrl"> {
  return {
    cli:
      `aws iam get-role --role-name ${shellWord(roleName)} --query Role.AssumeRolePolicyDocument > trust.json\n` +
      `# ${addHint}: ${compactJson(rendered)}\n` +
      `aws iam update-assume-role-policy --role-name ${shellWord(roleName)} --policy-document file://trust.json`,
    terraform: `# In the aws_iam_role for ${roleName}, add this statement to assume_role_policy's Statement list (keep the others):\n${toHcl(rendered, 0)}`,
    sam: `# In the AWS::IAM::Role for ${roleName}, add this statement to AssumeRolePolicyDocument.Statement (keep the others):\n${toYaml([rendered])}`,
    consoleUrl: roleName.startsWith("<")
      ? null
      : consoleUrl(
          { partition },
          `/iam/home#/roles/details/${encodeURIComponent(roleName)}?section=trust_relationships`,
        ),
  };
}
