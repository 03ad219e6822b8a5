import { describe, expect, it } from "vitest";
import { parseDenials } from "../parse";
import { classify, outsideSettingOf } from "./index";

function classified(text: string) {
  const [record] = parseDenials(text).records;
  if (!record) throw new Error(`no denial in: ${text}`);
  return { record, candidates: classify(record).candidates };
}

describe("settings and grants outside every policy", () => {
  it.each([
    [
      "S3 Object Ownership",
      "PutObject failed: AccessControlListNotSupported: The bucket does not allow ACLs",
      "s3-object-ownership",
    ],
    ["an API Gateway authorizer", '{"message":"User is not authorized to access this resource"}', "api-authorizer"],
    ["EKS cluster access", "error: You must be logged in to the server (Unauthorized)", "eks-cluster-access"],
    [
      "OpenSearch fine-grained access control",
      '{"type":"security_exception","reason":"no permissions for [indices:admin/get] and User [name=elastic-jaeger, backend_roles=[jaeger_writer]"}',
      "opensearch-fine-grained-access",
    ],
    [
      "an IoT policy",
      "CONNACK:Client is not authenticated/authorized to send the message:14e6c214\tFailed to connect to AWS IoT Core",
      "iot-policy",
    ],
    [
      "Organizations membership",
      "An error occurred (OrganizationAccessDeniedException) when calling the DescribeOrganizationConformancePacks operation: " +
        "This action can only be made by accounts in an AWS Organization",
      "organizations-membership",
    ],
    [
      "the management account's delegated-administrator listing",
      "An error occurred (AccessDeniedException) when calling the ListDelegatedAdminAccounts operation: " +
        "User: arn:aws:sts::289950828509:assumed-role/developer/dev is not authorized to perform: inspector2:ListDelegatedAdminAccounts",
      "delegated-admin-listing",
    ],
    [
      "the Greengrass service role",
      "greengrass is not authorized to assume the service role associated with this account",
      "greengrass-service-role",
    ],
  ])("ranks %s first, with the command that shows it", (_name, text, setting) => {
    const { record, candidates } = classified(text);
    expect(outsideSettingOf(record)).toBe(setting);
    expect(candidates[0]?.layer).toBe("account-setting");
    expect(candidates[0]?.checks[0]?.command).not.toContain("get-public-access-block");
  });

  it("lists the management-account rule beside the caller's policy for Organizations' own refusal", () => {
    const { candidates } = classified(
      "An error occurred (AccessDeniedException) when calling the ListAccounts operation: You don't have permissions to access this resource.",
    );
    const setting = candidates.find((candidate) => candidate.layer === "account-setting");
    expect(setting?.why).toMatch(/management account or a delegated administrator/);
    expect(candidates.some((candidate) => candidate.layer === "execution-role")).toBe(true);
  });

  it("leads a Lake Formation refusal with its grant, the table's resource-side permission, not with a setting", () => {
    const { candidates } = classified(
      "AccessDeniedException: Insufficient Lake Formation permission(s) on sales_2024 (Service: Glue, Status Code: 400)",
    );
    expect(candidates.map((candidate) => candidate.layer)).toEqual(["resource-policy", "execution-role"]);
  });

  it("says what a body-less HEAD 403 cannot: clock skew, wrong credentials and the ListBucket 404 rule", () => {
    const { candidates } = classified("An error occurred (403) when calling the HeadObject operation: Forbidden");
    const unsaid = candidates.find((candidate) => candidate.layer === "unknown");
    expect(unsaid?.why).toMatch(/RequestTimeTooSkewed/);
    expect(unsaid?.why).toMatch(/s3:ListBucket/);
    expect(candidates[0]?.layer).toBe("execution-role");
  });

  it("ranks Block Public Access first for a bare PutBucketPolicy 403 (pulumi/pulumi#14413), which IAM would have named", () => {
    const { record, candidates } = classified(
      "putting S3 Bucket (frenzza-iris-assets-1306709) Policy: operation error S3: PutBucketPolicy, https response error " +
        "StatusCode: 403, RequestID: BX26C8V22KHV3Y28, api error AccessDenied: Access Denied",
    );
    expect(outsideSettingOf(record)).toBe("s3-block-public-access");
    expect(candidates[0]?.layer).toBe("account-setting");
  });

  it("lists another account's object ownership for a bare S3 Access Denied (databricks/spark-redshift#361)", () => {
    const { record, candidates } = classified(
      "ApplicationMaster: User class threw exception: com.amazonaws.services.s3.model.AmazonS3Exception: Access Denied",
    );
    expect(outsideSettingOf(record)).toBe("s3-object-writer");
    const setting = candidates.find((candidate) => candidate.layer === "account-setting");
    expect(setting?.checks[0]?.command).toContain("get-bucket-ownership-controls");
  });

  it("leaves a plain IAM denial without a setting candidate", () => {
    const { record, candidates } = classified(
      "User: arn:aws:iam::123456789012:user/u is not authorized to perform: sqs:SendMessage on resource: " +
        "arn:aws:sqs:us-east-1:123456789012:q because no identity-based policy allows the sqs:SendMessage action",
    );
    expect(outsideSettingOf(record)).toBeNull();
    expect(candidates.some((candidate) => candidate.layer === "account-setting")).toBe(false);
  });
});
