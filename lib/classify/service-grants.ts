import type { DenialRecord } from "../model";
import type { SettingRule } from "./settings";

const says = (record: DenialRecord, ...phrases: string[]) => phrases.some((phrase) => record.excerpt.includes(phrase));

/** Inspector's, GuardDuty's, Security Hub's and Macie's listings of their delegated administrators. */
const DELEGATED_ADMIN_LISTING = /^[a-z0-9-]{1,40}:List(?:DelegatedAdmin|OrganizationAdmin)Accounts$/;

/**
 * Grants and settings of a service's own that refuse before (or instead of) IAM: OpenSearch's security roles, IoT
 * policies, Organizations membership and the Greengrass service role. Each is ranked as an account setting.
 */
export const SERVICE_GRANT_RULES: SettingRule[] = [
  {
    setting: "opensearch-fine-grained-access",
    matches: (record) => record.service === "es" && says(record, "no permissions for ["),
    confidence: 0.9,
    why:
      "OpenSearch's fine-grained access control refused the index action: the security plugin's roles decide it, " +
      "through the role mapping of the user (or of the IAM role, as a backend role), not an IAM policy.",
    check: () => ({
      description:
        "Read the roles the user is mapped to in OpenSearch's security plugin: one must allow the index action on the index.",
      command: "curl -s -u <MASTER_USER> https://<DOMAIN_ENDPOINT>/_plugins/_security/api/rolesmapping",
    }),
  },
  {
    setting: "iot-policy",
    matches: (record) => record.service === "iot" && says(record, "CONNACK"),
    confidence: 0.85,
    why:
      "AWS IoT Core refused the MQTT connection: the IoT policy attached to the device's certificate decides it " +
      "(iot:Connect on arn:…:client/<CLIENT_ID>), and the certificate must be active and attached to the thing.",
    check: () => ({
      description: "List the IoT policies on the device's certificate: one must allow iot:Connect on its client id.",
      command: "aws iot list-attached-policies --target <CERTIFICATE_ARN>",
    }),
  },
  {
    setting: "delegated-admin-listing",
    matches: (record) => DELEGATED_ADMIN_LISTING.test(record.action ?? ""),
    confidence: 0.5,
    why:
      "Only the organization's management account may list a security service's delegated administrators: from any " +
      "other account the call is refused whatever the caller's policy allows (a console page probing it shows a false alarm).",
    check: () => ({
      description: "See which account the credentials are in, and whether it is the organization's management account.",
      command:
        "aws sts get-caller-identity --query Account && aws organizations describe-organization --query Organization.MasterAccountId",
    }),
  },
  {
    setting: "organizations-membership",
    matches: (record) => says(record, "This action can only be made by accounts in an AWS Organization"),
    confidence: 0.9,
    why:
      "The call works only in an account of an AWS Organization (its management or delegated administrator account): " +
      "this account is in none, so no policy edit lifts it. A tool probing every service can skip it.",
    check: () => ({
      description: "See whether the account belongs to an organization.",
      command: "aws organizations describe-organization",
    }),
  },
  {
    setting: "greengrass-service-role",
    matches: (record) => says(record, "is not authorized to assume the service role associated with this account"),
    confidence: 0.85,
    why:
      "Greengrass acts through the service role associated with the account in each Region: none is associated in " +
      "this Region, or that role's trust policy does not name greengrass.amazonaws.com.",
    check: () => ({
      description: "Read the Greengrass service role associated with the account in this Region.",
      command: "aws greengrass get-service-role-for-account",
    }),
  },
];
