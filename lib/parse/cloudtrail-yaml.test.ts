import { describe, expect, it } from "vitest";
import { recordOfYaml } from "./cloudtrail-yaml";
import { parseDenials } from "./index";

// A Panther rule fixture (tester case r5b 9), indented as it sits in the fixture file.
const PANTHER_RDS = `      eventVersion: "1.08"
      userIdentity:
        type: IAMUser
        principalId: "AIDAI23HXS3EXAMPLE"
        arn: "arn:aws:iam::123456789012:user/developer"
        accountId: "123456789012"
        accessKeyId: "AKIAIOSFODNN7EXAMPLE"
        userName: developer
      eventTime: "2024-01-15T20:30:00Z"
      eventSource: rds.amazonaws.com
      eventName: StopActivityStream
      awsRegion: us-east-1
      sourceIPAddress: "10.0.1.100"
      userAgent: "aws-cli/2.13.0"
      requestParameters:
        resourceArn: "arn:aws:rds:us-east-1:123456789012:cluster:production-aurora"
      errorCode: AccessDenied
      errorMessage: "User is not authorized to perform: rds:StopActivityStream"
      readOnly: false
      recipientAccountId: "123456789012"`;

const SENTENCE =
  "User: arn:aws:sts::210987654321:assumed-role/ci-deployer/build-7 is not authorized to perform: s3:PutObject on " +
  `resource: "arn:aws:s3:::artifacts/app.zip" because no identity-based policy allows the s3:PutObject action`;

// The same kind of record as `yq -P` prints it: keys sorted, single quotes, a list of resources, an empty flow map.
const YQ_S3 = `awsRegion: eu-west-1
errorCode: AccessDenied
errorMessage: '${SENTENCE}'
eventName: PutObject
eventSource: s3.amazonaws.com
recipientAccountId: "210987654321"
requestParameters:
  bucketName: artifacts
  key: app.zip
resources:
  - ARN: arn:aws:s3:::artifacts/app.zip
    type: AWS::S3::Object
  - ARN: arn:aws:s3:::artifacts
    type: AWS::S3::Bucket
userIdentity:
  arn: arn:aws:sts::210987654321:assumed-role/ci-deployer/build-7
  sessionContext:
    webIdFederationData: {}
  type: AssumedRole`;

describe("CloudTrail records pasted as YAML", () => {
  it("reads the caller, Region, account and request values of a Panther fixture", () => {
    const [denial] = parseDenials(PANTHER_RDS).records;
    expect(denial).toMatchObject({
      sourceFormat: "cloudtrail",
      action: "rds:StopActivityStream",
      principal: "arn:aws:iam::123456789012:user/developer",
      region: "us-east-1",
      account: "123456789012",
      resource: "arn:aws:rds:us-east-1:123456789012:cluster:production-aurora",
    });
  });

  it("reads a record as yq prints it, lists and quotes included", () => {
    const [denial] = parseDenials(YQ_S3).records;
    expect(denial).toMatchObject({
      sourceFormat: "cloudtrail",
      action: "s3:PutObject",
      principal: "arn:aws:sts::210987654321:assumed-role/ci-deployer/build-7",
      region: "eu-west-1",
      statedPolicyType: "identity-based",
    });
    expect(recordOfYaml(YQ_S3)).toMatchObject({
      resources: [{ ARN: "arn:aws:s3:::artifacts/app.zip" }, { ARN: "arn:aws:s3:::artifacts" }],
      userIdentity: { sessionContext: { webIdFederationData: {} } },
    });
  });

  it("keeps scalars as YAML reads them", () => {
    expect(recordOfYaml("eventName: X\nreadOnly: false\nerrorMessage: 'it''s'\nresponseElements: null")).toEqual({
      eventName: "X",
      readOnly: false,
      errorMessage: "it's",
      responseElements: null,
    });
  });

  it("leaves text that is not YAML of this shape to the text reader", () => {
    expect(recordOfYaml("eventName: X\n  stray indented line")).toBeNull();
    expect(recordOfYaml("eventName: |\n  block scalar")).toBeNull();
    expect(recordOfYaml("An error occurred (AccessDenied) when calling eventName: X")).toBeNull();
    expect(recordOfYaml("errorCode: AccessDenied")).toBeNull();
    // Aliases are refused outright: a pasted alias bomb expands nothing.
    expect(recordOfYaml("a: &x [1, 2]\nb: [*x, *x, *x]\neventName: Y")).toBeNull();
  });
});
