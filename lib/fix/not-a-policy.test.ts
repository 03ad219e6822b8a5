import { describe, expect, it } from "vitest";
import { subjectOf } from "../iam";
import { parseDenials } from "../parse";
import { notAPolicyFix } from "./not-a-policy";

function settingFix(text: string) {
  const [record] = parseDenials(text).records;
  if (!record) throw new Error(`no denial in: ${text}`);
  return notAPolicyFix("account-setting", record, subjectOf(record));
}

describe("the change a setting outside every policy needs", () => {
  it("drops the ACL from a request to a bucket whose Object Ownership turns ACLs off", () => {
    const fix = settingFix(
      "An error occurred (AccessControlListNotSupported) when calling the PutObject operation: The bucket does not allow ACLs",
    );
    expect(fix.statement).toBeNull();
    expect(fix.title).toMatch(/without an ACL/);
    expect(fix.cli).toContain("get-bucket-ownership-controls");
  });

  it("gives the caller kubectl signed with an EKS access entry", () => {
    const identity =
      '{"UserId": "AROAEXAMPLE:ci", "Account": "210987654321", "Arn": "arn:aws:sts::210987654321:assumed-role/deployer/ci"}';
    const fix = settingFix(`${identity}\nerror: You must be logged in to the server (Unauthorized)`);
    expect(fix.cli).toContain(
      "aws eks create-access-entry --cluster-name <CLUSTER_NAME> --principal-arn arn:aws:iam::210987654321:role/deployer",
    );
    expect(fix.terraform).toContain('resource "aws_eks_access_entry"');
  });

  it("points an authorizer's Deny at the authorizer and its cache, not at IAM", () => {
    const fix = settingFix('{"message":"User is not authorized to access this resource"}');
    expect(fix.cli).toContain("aws apigateway test-invoke-authorizer");
    expect(fix.cli).toContain("flush-stage-authorizers-cache");
  });

  it("sends Organizations' member-account refusal to the management account, with a delegation policy", () => {
    const fix = settingFix(
      "An error occurred (AccessDeniedException) when calling the ListRoots operation: You don't have permissions to access this resource.",
    );
    expect(fix.owner).toBe("organization-admin");
    expect(fix.cli).toContain("aws organizations put-resource-policy");
    expect(fix.requestText).toMatch(/management account/);
  });

  it("grants VM Import/Export in the export bucket's ACL, keeping the owner's full control", () => {
    const fix = settingFix(
      "Client.AuthFailure: vm-import-export@amazon.com must have WRITE and READ_ACL permission on the S3 bucket.",
    );
    expect(fix.cli).toContain("--grant-full-control id=<OWNER_CANONICAL_ID> --grant-write");
  });
});
