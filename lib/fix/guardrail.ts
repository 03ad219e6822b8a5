import type { DenialRecord, FixDraft, Layer, Owner } from "../model";
import { consoleHost } from "../iam/arn";
import type { Subject } from "../iam/subject";
import { policyDocument, toHcl, toYaml } from "./render";
import type { Scope } from "./scope";

type GuardrailLayer = Extract<Layer, "scp" | "rcp" | "permissions-boundary" | "session-policy" | "vpc-endpoint-policy">;

interface Guardrail {
  name: string;
  owner: Owner;
  ownerWords: string;
  cli: (subject: Subject, service: string) => string;
  terraform: (document: unknown) => string;
  cfnType: string;
  console: (subject: Subject) => string | null;
}

const GUARDRAILS: Record<GuardrailLayer, Guardrail> = {
  scp: {
    name: "service control policy",
    owner: "organization-admin",
    ownerWords: "your AWS Organizations administrators (the management account)",
    cli: (s) => `aws organizations list-policies-for-target --target-id ${s.account} --filter SERVICE_CONTROL_POLICY\naws organizations update-policy --policy-id <SCP_ID> --content file://scp.json`,
    terraform: (d) => `resource "aws_organizations_policy" "scp" {\n  name    = "<SCP_NAME>"\n  type    = "SERVICE_CONTROL_POLICY"\n  content = jsonencode(${toHcl(d, 1)})\n}`,
    cfnType: "AWS::Organizations::Policy",
    console: (s) => `https://${consoleHost(s.partition)}/organizations/v2/home/policies/service-control-policy`,
  },
  rcp: {
    name: "resource control policy",
    owner: "organization-admin",
    ownerWords: "your AWS Organizations administrators (the management account)",
    cli: (s) => `aws organizations list-policies-for-target --target-id ${s.account} --filter RESOURCE_CONTROL_POLICY\naws organizations update-policy --policy-id <RCP_ID> --content file://rcp.json`,
    terraform: (d) => `resource "aws_organizations_policy" "rcp" {\n  name    = "<RCP_NAME>"\n  type    = "RESOURCE_CONTROL_POLICY"\n  content = jsonencode(${toHcl(d, 1)})\n}`,
    cfnType: "AWS::Organizations::Policy",
    console: (s) => `https://${consoleHost(s.partition)}/organizations/v2/home/policies/resource-control-policy`,
  },
  "permissions-boundary": {
    name: "permissions boundary",
    owner: "iam-admin",
    ownerWords: "whoever owns the role's permissions boundary (often the platform or IAM team)",
    cli: (s) => `aws iam get-${s.identityKind} --${s.identityKind}-name ${s.identityName} --query '*.PermissionsBoundary.PermissionsBoundaryArn'\naws iam create-policy-version --policy-arn <BOUNDARY_POLICY_ARN> --policy-document file://boundary.json --set-as-default`,
    terraform: (d) => `resource "aws_iam_policy" "boundary" {\n  name   = "<BOUNDARY_POLICY_NAME>"\n  policy = jsonencode(${toHcl(d, 1)})\n}`,
    cfnType: "AWS::IAM::ManagedPolicy",
    console: (s) => `https://${consoleHost(s.partition)}/iam/home#/${s.identityKind}s/details/${encodeURIComponent(s.identityName)}?section=permissions`,
  },
  "session-policy": {
    name: "session policy",
    owner: "you",
    ownerWords: "whoever creates the session (the AssumeRole caller, an SSO permission set, or a broker)",
    cli: (s) => `aws sts assume-role --role-arn ${s.principalArn} --role-session-name <SESSION_NAME> --policy file://session-policy.json`,
    terraform: () => "# Session policies are passed at AssumeRole time, not managed by Terraform: change the code or broker that creates the session.",
    cfnType: "",
    console: () => null,
  },
  "vpc-endpoint-policy": {
    name: "VPC endpoint policy",
    owner: "network-admin",
    ownerWords: "the team that owns the VPC endpoint (usually networking or platform)",
    cli: (s, service) =>
      `aws ec2 describe-vpc-endpoints --filters Name=service-name,Values=com.amazonaws.${s.region}.${service} --query 'VpcEndpoints[].VpcEndpointId' --region ${s.region}\naws ec2 modify-vpc-endpoint --vpc-endpoint-id <VPCE_ID> --policy-document file://vpce-policy.json --region ${s.region}`,
    terraform: (d) => `resource "aws_vpc_endpoint_policy" "this" {\n  vpc_endpoint_id = "<VPCE_ID>"\n  policy          = jsonencode(${toHcl(d, 1)})\n}`,
    cfnType: "AWS::EC2::VPCEndpoint",
    console: (s) => `https://${s.region}.${consoleHost(s.partition)}/vpcconsole/home?region=${s.region}#Endpoints:`,
  },
};

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
  const document = policyDocument([statement]);
  const change = explicitDeny
    ? `exempt ${subject.principalArn} from the Deny on ${scope.action} (for example with a Condition "ArnNotLike": {"aws:PrincipalArn": "${subject.principalArn}"} on that statement)`
    : `allow ${scope.action} on ${scope.resources.join(", ")}`;
  return {
    layer,
    title: `Ask ${guardrail.ownerWords.split(" (")[0]} to ${explicitDeny ? "exempt" : "allow"} ${scope.action} in the ${guardrail.name}`,
    owner: guardrail.owner,
    statement: explicitDeny ? null : statement,
    target: `the ${guardrail.name} that applies to ${subject.identityName}`,
    cli: guardrail.cli(subject, record.service ?? "<SERVICE>"),
    terraform: guardrail.terraform(document),
    sam: guardrail.cfnType ? `# CloudFormation (${guardrail.cfnType}): the statement to add\n${toYaml([statement])}` : "# Not managed by CloudFormation.",
    consoleUrl: guardrail.console(subject),
    requestText: [
      `Hi — ${subject.principalArn} is denied ${scope.action}${subject.resourceArn ? ` on ${subject.resourceArn}` : ""} by a ${guardrail.name} (${explicitDeny ? "explicit deny" : "no statement allows it"}).`,
      `Could you ${change}?`,
      `AWS error: ${record.excerpt}`,
    ].join("\n"),
    notes: [
      `This is a guardrail: the owner is ${guardrail.ownerWords}. Changing the role's own policy will not help.`,
      "AWS names only one denying policy type per message: after this change, retry; another layer may still deny.",
    ],
  };
}
