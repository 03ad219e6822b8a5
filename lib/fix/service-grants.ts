import type { OutsideSetting } from "../classify";
import type { Subject } from "../iam";
import type { DenialRecord, FixDraft } from "../model";
import { settingDraft } from "./setting-draft";

type ServiceGrant = Extract<
  OutsideSetting,
  | "opensearch-fine-grained-access"
  | "iot-policy"
  | "organizations-membership"
  | "greengrass-service-role"
  | "delegated-admin-listing"
>;

function openSearchRoleFix(): FixDraft {
  return settingDraft({
    title: "Map the user (or its IAM role) to an OpenSearch security role that allows the index action",
    target: "the OpenSearch domain's fine-grained access control roles and role mapping",
    cli:
      "# As the domain's master user: map the user, or the IAM role as a backend role, to a role allowing the action.\n" +
      "curl -s -u <MASTER_USER> -X PUT https://<DOMAIN_ENDPOINT>/_plugins/_security/api/rolesmapping/<ROLE> " +
      `-H 'Content-Type: application/json' -d '{"users":["<USER>"],"backend_roles":["<IAM_ROLE_ARN>"]}'`,
    terraform:
      '# With the opensearch provider:\nresource "opensearch_roles_mapping" "this" {\n  role_name     = "<ROLE>"\n' +
      '  backend_roles = ["<IAM_ROLE_ARN>"]\n  users         = ["<USER>"]\n}',
    sam: "# CloudFormation cannot set OpenSearch's role mapping: use the security plugin's REST API or Dashboards.",
    notes: [
      "The role must allow the index action named in the message (indices:admin/get, indices:data/read/search …) on " +
        "the index pattern. The domain's IAM access policy let the request in; it cannot grant what the security plugin refuses.",
    ],
  });
}

function iotPolicyFix(subject: Subject): FixDraft {
  const client = `arn:${subject.partition}:iot:${subject.region}:${subject.account}:client/<CLIENT_ID>`;
  const policy = JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Action: "iot:Connect", Resource: client }],
  });
  return settingDraft({
    title: "Allow iot:Connect for the device's client id in the IoT policy on its certificate",
    target: "the IoT policy attached to the device's certificate",
    cli:
      `aws iot create-policy --policy-name <POLICY_NAME> --policy-document '${policy}'\n` +
      "aws iot attach-policy --policy-name <POLICY_NAME> --target <CERTIFICATE_ARN>",
    terraform:
      `resource "aws_iot_policy" "connect" {\n  name   = "<POLICY_NAME>"\n  policy = jsonencode(${policy})\n}\n` +
      'resource "aws_iot_policy_attachment" "connect" {\n  policy = aws_iot_policy.connect.name\n  target = "<CERTIFICATE_ARN>"\n}',
    sam: `Type: AWS::IoT::Policy\nProperties:\n  PolicyName: <POLICY_NAME>\n  PolicyDocument: ${policy}`,
    notes: [
      "The client id must match the policy's client/<CLIENT_ID> exactly (a '#2' suffix too), and the certificate must be ACTIVE.",
    ],
  });
}

function organizationMembershipFix(): FixDraft {
  return settingDraft({
    title: "Make the call from an account in an AWS Organization, or skip it here",
    target: "the account's membership of an AWS Organization",
    cli: "aws organizations describe-organization\n# An account outside every organization cannot make organization calls.",
    terraform: "# No IAM change: skip the organization-wide resources in an account outside every organization.",
    sam: "# No IAM change: organization-wide resources need an account in an AWS Organization.",
    notes: [
      "Run the call in the organization's management account (or a delegated administrator); a tool that probes " +
        "every service can ignore this error in a standalone account.",
    ],
  });
}

function greengrassServiceRoleFix(): FixDraft {
  return settingDraft({
    title: "Associate a Greengrass service role with the account in this Region",
    target: "the account's Greengrass service role (per Region) and its trust policy",
    cli:
      "aws greengrass associate-service-role-to-account --role-arn arn:aws:iam::<ACCOUNT_ID>:role/Greengrass_ServiceRole\n" +
      "aws iam get-role --role-name Greengrass_ServiceRole --query Role.AssumeRolePolicyDocument",
    terraform: "# The association has no Terraform resource: run associate-service-role-to-account once per Region.",
    sam: "# The association has no CloudFormation resource: run associate-service-role-to-account once per Region.",
    notes: [
      "The role's trust policy must allow greengrass.amazonaws.com to sts:AssumeRole, and it needs the " +
        "AWSGreengrassResourceAccessRolePolicy managed policy.",
    ],
  });
}

function delegatedAdminListingFix(record: DenialRecord): FixDraft {
  const service = record.service ?? "<SERVICE>";
  return settingDraft({
    title: `List ${service}'s delegated administrators from the organization's management account`,
    owner: "organization-admin",
    target: "the account the call is made from (the organization's management account)",
    cli: "aws sts get-caller-identity --query Account\naws organizations describe-organization --query Organization.MasterAccountId",
    terraform: "# No IAM change: the listing is answered only in the management account.",
    sam: "# No IAM change: the listing is answered only in the management account.",
    notes: [
      "A console page that probes the listing in a member account logs this denial without anything failing: " +
        "it can be ignored there.",
    ],
  });
}

/** The change for each service grant outside IAM (classify's SERVICE_GRANT_RULES). */
export const SERVICE_GRANT_FIXES: Record<ServiceGrant, (record: DenialRecord, subject: Subject) => FixDraft> = {
  "opensearch-fine-grained-access": () => openSearchRoleFix(),
  "iot-policy": (_record, subject) => iotPolicyFix(subject),
  "organizations-membership": () => organizationMembershipFix(),
  "greengrass-service-role": () => greengrassServiceRoleFix(),
  "delegated-admin-listing": (record) => delegatedAdminListingFix(record),
};
