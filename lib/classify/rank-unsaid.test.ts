import { describe, expect, it } from "vitest";
import { parseDenials } from "../parse";
import { rankLayers } from "./rank";

const DENY_ON_NAMED_FUNCTION = `User: arn:aws:sts::674568819625:assumed-role/SCF/ImNaYhDWEWEnqwXHDyUIJYXvRnZUCQNG
is not authorized to perform: lambda:InvokeFunction on resource:
arn:aws:lambda:us-east-2:674568819625:function:scf-prepare-data-generateUploadKeyHQ3VTHNGXALG with an explicit deny (Service: AWSLambda; Status Code: 403; Error
Code: AccessDeniedException; Request ID: 07cfc81d-06b7-45bc-8d4a-7f2d673a80ba)`;

const DENY_ON_NO_RESOURCE =
  "User: arn:aws:sts::123456789012:assumed-role/Dev/tom is not authorized to perform: lambda:ListFunctions with an explicit deny";

function layersOf(text: string): string[] {
  const [record] = parseDenials(text).records;
  expect(record).toBeDefined();
  return rankLayers(record!).map((candidate) => candidate.layer);
}

describe("an explicit Deny whose policy type AWS leaves unsaid", () => {
  it("on a named resource: the caller's own policies (which you can edit) lead, the SCP next", () => {
    expect(layersOf(DENY_ON_NAMED_FUNCTION).slice(0, 2)).toEqual(["execution-role", "scp"]);
  });

  it("on no resource: the SCP, which denies actions broadly, leads", () => {
    expect(layersOf(DENY_ON_NO_RESOURCE).slice(0, 2)).toEqual(["scp", "execution-role"]);
  });

  it("on a KMS key: the key policy is the resource's policy that may hold the Deny", () => {
    const text =
      "User: arn:aws:iam::123456789012:role/MyServiceRole is not authorized to perform: kms:CreateGrant on resource: " +
      "arn:aws:kms:us-east-1:123456789012:key/mrk-abc123def456 with an explicit deny";
    expect(layersOf(text)).toContain("kms-key-policy");
    expect(layersOf(text)).not.toContain("resource-policy");
  });
});

const COGNITO_GUEST =
  "EXCEPTION: AmazonServiceException: Service call failed.: User: arn:aws:sts::xxxx:assumed-role/" +
  "Cognito_camera_control_poolUnauth2_Role/CognitoIdentityCredentials is not authorized to perform: " +
  "kinesisvideo:DescribeStream (Service: AWSKinesisVideo; Status Code: 403; Error Code: AccessDeniedException; " +
  "Request ID: d62bf3c1-57ac-1b02-85de-6e9542fec450)";

describe("an identity pool's unauthenticated session", () => {
  it("leads with the scope-down session policy of Cognito's enhanced flow, the role's policy next", () => {
    expect(layersOf(COGNITO_GUEST).slice(0, 2)).toEqual(["session-policy", "execution-role"]);
  });
});

const MACIE_PROBE = `[
    {
        "errorCode": "AccessDenied",
        "eventSource": "macie2.amazonaws.com",
        "eventName": "GetMacieSession",
        "userIdentity.invokedBy": "config.amazonaws.com",
        "userIdentity.arn": "arn:aws:sts::289950828509:assumed-role/azul-aws_config/configLambdaExecution"
    },`;

describe("a service that refuses its calls where it is not enabled", () => {
  it("Macie's bare AccessDenied on GetMacieSession (AWS Config's probe) is the account setting, not a missing Allow", () => {
    expect(layersOf(MACIE_PROBE)[0]).toBe("account-setting");
  });
});

const SSE_KMS_PUT = `{
"eventVersion": "1.08",
"userIdentity": {
"type": "IAMUser",
[...]
},
"eventSource": "s3.amazonaws.com",
"eventName": "PutObject",
"errorCode": "AccessDenied",
"errorMessage": "Access Denied",
"requestParameters": {
"bucketName": "mybucket",
"x-amz-server-side-encryption-aws-kms-key-id": "arn:aws:kms:ap-southeast-2:xxx:key/xxxxx-xxxx-xxxx-xxxx-xxxxxx",
"x-amz-server-side-encryption": "aws:kms",
"key": "mykey/test.py"
},`;

describe("an S3 write that names its SSE-KMS key", () => {
  it("puts the key policy second, naming the key, behind the caller's own policy", () => {
    const [record] = parseDenials(SSE_KMS_PUT).records;
    const ranked = rankLayers(record!);
    expect(ranked.slice(0, 2).map((candidate) => candidate.layer)).toEqual(["execution-role", "kms-key-policy"]);
    expect(ranked[1]?.why).toContain("arn:aws:kms:ap-southeast-2:xxx:key/");
  });
});
