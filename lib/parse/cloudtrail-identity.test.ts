import { describe, expect, it } from "vitest";
import { parseDenials } from "./index";

function record(fields: Record<string, unknown>): string {
  return JSON.stringify({ eventSource: "sts.amazonaws.com", eventName: "GetSessionToken", ...fields });
}

describe("the caller of a CloudTrail record", () => {
  // Tester case r5b 14: a Panther fixture whose userIdentity names the user without an ARN.
  it("builds an IAM user's ARN from its name and the record's account", () => {
    const text = record({
      awsRegion: "us-east-1",
      errorCode: "AccessDenied",
      recipientAccountId: "123456789012",
      userIdentity: { type: "IAMUser", userName: "example-user" },
    });
    expect(parseDenials(text).records[0]?.principal).toBe("arn:aws:iam::123456789012:user/example-user");
  });

  it("takes the user's own account before the recipient's, and the partition of the Region", () => {
    const text = record({
      awsRegion: "cn-north-1",
      errorCode: "AccessDenied",
      recipientAccountId: "123456789012",
      userIdentity: { type: "IAMUser", userName: "ops", accountId: "210987654321" },
    });
    expect(parseDenials(text).records[0]?.principal).toBe("arn:aws-cn:iam::210987654321:user/ops");
  });

  it("names no caller when the record gives a user's name but no account", () => {
    const text = record({ errorCode: "AccessDenied", userIdentity: { type: "IAMUser", userName: "ops" } });
    expect(parseDenials(text).records[0]?.principal).toBeNull();
  });

  // Tester case r5b 15: the endpoint's owner receives the event; the caller is of the account userIdentity names.
  it("keeps a VPC endpoint record's caller in its own account, not the endpoint owner's", () => {
    const text = JSON.stringify({
      eventCategory: "NetworkActivity",
      errorCode: "VpceAccessDenied",
      errorMessage: "The request was denied due to a VPC endpoint policy",
      awsRegion: "us-east-1",
      eventSource: "s3.amazonaws.com",
      eventName: "GetObject",
      userIdentity: { type: "AWSAccount", principalId: "AROAEXAMPLE:session-name", accountId: "111111111111" },
      recipientAccountId: "222222222222",
      requestParameters: { bucketName: "example-bucket", key: "sensitive-file.txt" },
      vpcEndpointId: "vpce-EXAMPLE08c1b6b9b7",
    });
    const [denial] = parseDenials(text).records;
    expect(denial).toMatchObject({ principal: "arn:aws:iam::111111111111:role/<ROLE_NAME>", account: "222222222222" });
  });

  it("tells a user's unique id from a role's, and reads nothing from an id of another kind", () => {
    const identity = (principalId: string) =>
      record({
        errorCode: "VpceAccessDenied",
        userIdentity: { type: "AWSAccount", principalId, accountId: "111111111111" },
      });
    expect(parseDenials(identity("AIDAEXAMPLE")).records[0]?.principal).toBe(
      "arn:aws:iam::111111111111:user/<USER_NAME>",
    );
    expect(parseDenials(identity("111111111111")).records[0]?.principal).toBeNull();
  });

  // Tester case r5b 6: the session ARN drops the path that shows the role is IAM Identity Center's.
  it("names an Identity Center session by its issuer, whose path shows the permission set", () => {
    const issuer = "arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/us-west-2/SampleRole";
    const session = "arn:aws:sts::111122223333:assumed-role/SampleRole/bobson.dugnutt";
    const text = JSON.stringify({
      eventSource: "ec2-instance-connect.amazonaws.com",
      eventName: "SendSSHPublicKey",
      errorCode: "AccessDenied",
      errorMessage:
        `User: ${session} is not authorized to perform: ec2-instance-connect:SendSSHPublicKey on resource: ` +
        "arn:aws:ec2:us-west-2:111122223333:instance/i-abcdef01234567890 because no identity-based policy allows " +
        "the ec2-instance-connect:SendSSHPublicKey action",
      userIdentity: {
        type: "AssumedRole",
        arn: session,
        sessionContext: { sessionIssuer: { type: "Role", arn: issuer, userName: "SampleRole" } },
      },
    });
    expect(parseDenials(text).records[0]?.principal).toBe(issuer);
  });

  it("keeps the session ARN of a role outside Identity Center's path", () => {
    const session = "arn:aws:sts::111122223333:assumed-role/deployer/ci";
    const text = record({
      errorCode: "AccessDenied",
      userIdentity: {
        type: "AssumedRole",
        arn: session,
        sessionContext: { sessionIssuer: { arn: "arn:aws:iam::111122223333:role/deployer" } },
      },
    });
    expect(parseDenials(text).records[0]?.principal).toBe(session);
  });
});
