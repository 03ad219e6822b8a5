import type { DenialRecord, FixDraft, Layer, Owner } from "../model";
import { consoleUrl, isAccountId } from "../iam";
import type { Subject } from "../iam";
import { compactJson } from "./json";
import { prepare, type Prepared } from "./prepared";
import { toHcl, toYaml } from "./render";
import type { Scope } from "./scope";
import { shellWord } from "./shell";

type GuardrailLayer = Extract<Layer, "scp" | "rcp" | "permissions-boundary" | "session-policy" | "vpc-endpoint-policy">;

interface Guardrail {
  name: string;
  owner: Owner;
  ownerWords: string;
  /** Commands that fetch the current policy into `file` and put the edited one back. */
  cli: (subject: Subject, service: string, file: string, edit: string) => string;
  /** The Terraform resource that holds the policy, to say which one to edit; null when Terraform does not manage it. */
  terraformResource: string | null;
  cfnType: string;
  console: (subject: Subject) => string | null;
}

const GUARDRAILS: Record<GuardrailLayer, Guardrail> = {
  scp: {
    name: "service control policy",
    owner: "organization-admin",
    ownerWords: "your AWS Organizations administrators (the management account)",
    cli: (s, _service, file, edit) =>
      `# From the management account: the SCPs on the account (those on its OUs and the root apply too: ` +
      `aws organizations list-parents --child-id ${shellWord(callerAccount(s))})\n` +
      `aws organizations list-policies-for-target --target-id ${shellWord(callerAccount(s))} --filter SERVICE_CONTROL_POLICY\n` +
      `aws organizations describe-policy --policy-id <SCP_ID> --query Policy.Content --output text > ${file}\n` +
      `# edit ${file}: ${edit}, then:\n` +
      `aws organizations update-policy --policy-id <SCP_ID> --content file://${file}`,
    terraformResource: "aws_organizations_policy",
    cfnType: "AWS::Organizations::Policy",
    console: (s) => consoleUrl({ partition: s.partition }, "/organizations/v2/home/policies/service-control-policy"),
  },
  rcp: {
    name: "resource control policy",
    owner: "organization-admin",
    ownerWords: "your AWS Organizations administrators (the management account)",
    cli: (s, _service, file, edit) =>
      `aws organizations list-policies-for-target --target-id ${shellWord(s.account)} --filter RESOURCE_CONTROL_POLICY\n` +
      `aws organizations describe-policy --policy-id <RCP_ID> --query Policy.Content --output text > ${file}\n` +
      `# edit ${file}: ${edit}, then:\n` +
      `aws organizations update-policy --policy-id <RCP_ID> --content file://${file}`,
    terraformResource: "aws_organizations_policy",
    cfnType: "AWS::Organizations::Policy",
    console: (s) => consoleUrl({ partition: s.partition }, "/organizations/v2/home/policies/resource-control-policy"),
  },
  "permissions-boundary": {
    name: "permissions boundary",
    owner: "iam-admin",
    ownerWords: "whoever owns the role's permissions boundary (often the platform or IAM team)",
    cli: (s, _service, file, edit) =>
      `aws iam get-${s.identityKind} --${s.identityKind}-name ${shellWord(s.identityName)} ` +
      `--query '*.PermissionsBoundary.PermissionsBoundaryArn' --output text\n` +
      `aws iam get-policy-version --policy-arn <BOUNDARY_POLICY_ARN> --version-id $(aws iam get-policy ` +
      `--policy-arn <BOUNDARY_POLICY_ARN> --query Policy.DefaultVersionId --output text) ` +
      `--query PolicyVersion.Document > ${file}\n` +
      `# edit ${file}: ${edit}, then:\n` +
      `aws iam create-policy-version --policy-arn <BOUNDARY_POLICY_ARN> --policy-document file://${file} --set-as-default`,
    terraformResource: "aws_iam_policy",
    cfnType: "AWS::IAM::ManagedPolicy",
    console: (s) =>
      consoleUrl(
        { partition: s.partition },
        `/iam/home#/${s.identityKind}s/details/${encodeURIComponent(s.identityName)}?section=permissions`,
      ),
  },
  "session-policy": {
    name: "session policy",
    owner: "you",
    ownerWords: "whoever creates the session (the AssumeRole caller, an SSO permission set, or a broker)",
    cli: (s, _service, file) =>
      `# Pass a session policy that includes the action (or none at all) where the session is created:\n` +
      `aws sts assume-role --role-arn ${shellWord(s.principalArn)} --role-session-name <SESSION_NAME> ` +
      `--policy file://${file}`,
    terraformResource: null,
    cfnType: "",
    console: () => null,
  },
  "vpc-endpoint-policy": {
    name: "VPC endpoint policy",
    owner: "network-admin",
    ownerWords: "the team that owns the VPC endpoint (usually networking or platform)",
    cli: (s, service, file, edit) =>
      `aws ec2 describe-vpc-endpoints --filters ` +
      `Name=service-name,Values=com.amazonaws.${shellWord(s.region)}.${shellWord(service)} ` +
      `--query 'VpcEndpoints[].[VpcEndpointId,PolicyDocument]' --region ${shellWord(s.region)}\n` +
      `aws ec2 describe-vpc-endpoints --vpc-endpoint-ids ${shellWord(s.vpcEndpoint ?? "<VPCE_ID>")} ` +
      `--query 'VpcEndpoints[0].PolicyDocument' ` +
      `--output text --region ${shellWord(s.region)} > ${file}\n` +
      `# edit ${file}: ${edit}, then:\n` +
      `aws ec2 modify-vpc-endpoint --vpc-endpoint-id ${shellWord(s.vpcEndpoint ?? "<VPCE_ID>")} ` +
      `--policy-document file://${file} --region ${shellWord(s.region)}`,
    terraformResource: "aws_vpc_endpoint_policy",
    cfnType: "AWS::EC2::VPCEndpoint",
    console: (s) =>
      consoleUrl({ partition: s.partition, region: s.region }, `/vpcconsole/home?region=${s.region}#Endpoints:`),
  },
};

/** An SCP binds the caller's account, which is not the resource's when the call crosses accounts. */
function callerAccount(subject: Subject): string {
  const account = subject.principal?.account;
  return account && isAccountId(account) ? account : subject.account;
}

const FILES: Record<GuardrailLayer, string> = {
  scp: "scp.json",
  rcp: "rcp.json",
  "permissions-boundary": "boundary.json",
  "session-policy": "session-policy.json",
  "vpc-endpoint-policy": "vpce-policy.json",
};

/**
 * What to change in the policy the owner already has, never a new policy holding only our statement:
 * applied as a replacement, that would drop every other statement of an organisation-wide guardrail.
 */
function editSnippet(guardrail: Guardrail, explicitDeny: boolean, fragment: Prepared, format: "hcl" | "yaml"): string {
  const where =
    format === "hcl"
      ? guardrail.terraformResource
        ? `the existing ${guardrail.terraformResource} that holds the ${guardrail.name}`
        : null
      : `the existing ${guardrail.cfnType} that holds the ${guardrail.name}`;
  if (!where)
    return "# Session policies are passed when the session is created, not managed by Terraform: change the code or broker that creates it.";
  const header = explicitDeny
    ? `# Edit ${where}: on the Deny statement that matches this call, add this Condition (merge it with ` +
      `any Condition already there). Keep every other statement.`
    : `# Edit ${where}: add this statement to its Statement list. Keep every other statement; do not replace the policy with this one.`;
  const body =
    format === "hcl"
      ? explicitDeny
        ? `Condition = ${toHcl(fragment, 0)}`
        : toHcl(fragment, 0)
      : explicitDeny
        ? `Condition:\n${toYaml(fragment, 1)}`
        : toYaml([fragment]);
  return `${header}\n${body}`;
}

export function isGuardrail(layer: Layer): layer is GuardrailLayer {
  return layer in GUARDRAILS;
}

/** Guardrails are owned by another team: say who, what to change, and the request to send them. */
export function guardrailFix(layer: GuardrailLayer, record: DenialRecord, subject: Subject, scope: Scope): FixDraft {
  const guardrail = GUARDRAILS[layer];
  const explicitDeny = record.statedReason === "explicit-deny";
  const resource = scope.resources.length === 1 ? scope.resources[0]! : scope.resources;
  // Policies on the resource side name the principal; literals rather than spreads of optional keys.
  const statement: Record<string, unknown> =
    layer === "vpc-endpoint-policy" || layer === "rcp"
      ? {
          Sid: "AllowWhyDeniedException",
          Effect: "Allow",
          Principal: "*",
          Action: scope.action,
          Resource: resource,
          Condition: { ArnEquals: { "aws:PrincipalArn": subject.principalArn } },
        }
      : { Sid: "AllowWhyDeniedException", Effect: "Allow", Action: scope.action, Resource: resource };
  const exemption = { ArnNotLike: { "aws:PrincipalArn": subject.principalArn } };
  // What the snippets add, read once for the JSON, HCL and YAML forms.
  const fragment = prepare(explicitDeny ? exemption : statement);
  const change = explicitDeny
    ? `exempt ${subject.principalArn} from the Deny on ${scope.action} (for example with a Condition ` +
      `"ArnNotLike": {"aws:PrincipalArn": "${subject.principalArn}"} on that statement)`
    : `allow ${scope.action} on ${scope.resources.join(", ")}`;
  const file = FILES[layer];
  return {
    layer,
    title: `Ask ${guardrail.ownerWords.split(" (")[0]} to ${explicitDeny ? "exempt" : "allow"} ${scope.action} in the ${guardrail.name}`,
    owner: guardrail.owner,
    statement: explicitDeny ? null : statement,
    additionalStatements: [],
    target: `the ${guardrail.name} that applies to ${subject.identityName}`,
    cli: guardrail.cli(
      subject,
      record.service ?? "<SERVICE>",
      file,
      explicitDeny
        ? `on the Deny statement for ${scope.action}, add "Condition": ${compactJson(fragment)}`
        : "add the statement from the Policy JSON tab to its Statement list",
    ),
    terraform: editSnippet(guardrail, explicitDeny, fragment, "hcl"),
    sam: guardrail.cfnType
      ? editSnippet(guardrail, explicitDeny, fragment, "yaml")
      : "# Not managed by CloudFormation: change the code or broker that creates the session.",
    consoleUrl: guardrail.console(subject),
    // Concatenated rather than joined: join copies every line (the excerpt too) into a new flat string.
    requestText:
      `Hi — ${subject.principalArn} is denied ` +
      `${scope.action}${subject.resourceArn ? ` on ${subject.resourceArn}` : ""} by a ${guardrail.name} ` +
      `(${explicitDeny ? "explicit deny" : "no statement allows it"}).\n` +
      `Could you ${change}?\n` +
      `AWS error: ${record.excerpt}`,
    notes: [
      `This is a guardrail: the owner is ${guardrail.ownerWords}. Changing the role's own policy will not help.`,
      "AWS names only one denying policy type per message: after this change, retry; another layer may still deny.",
    ],
  };
}
