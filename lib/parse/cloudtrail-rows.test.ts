import { describe, expect, it } from "vitest";
import { parseDenials } from "./index";

const INSIGHTS_DOTTED = `[
    {
        "@timestamp": "2023-12-09 21:15:24.273",
        "errorCode": "AccessDenied",
        "eventSource": "macie2.amazonaws.com",
        "eventName": "GetMacieSession",
        "userIdentity.invokedBy": "config.amazonaws.com",
        "userIdentity.arn": "arn:aws:sts::289950828509:assumed-role/azul-aws_config/configLambdaExecution"
    },`;

const INSIGHTS_MESSAGE = `[
    {
        "errorCode": "AccessDenied",
        "eventSource": "s3.amazonaws.com",
        "eventName": "GetObject",
        "identityType": "AssumedRole",
        "invokedBy": "",
        "requestKey": "bb0/392646846153/linux_rpm_x86_64.zip",
        "requestBucket": "aws-ssm-document-attachments-us-east-1",
        "@message": {
            "eventVersion": "1.09",
            "userIdentity": {
                "type": "AssumedRole",
                "arn": "arn:aws:sts::122796619775:assumed-role/azul-gitlab/i-0747c095cbb5a6b99",
                "accountId": "122796619775",`;

const INSIGHTS_SERVICE = `[
    {
        "errorCode": "AccessDenied",
        "eventSource": "s3.amazonaws.com",
        "eventName": "HeadBucket",
        "source": "config.amazonaws.com",
        "sessionIssuer": "",
        "principalId": "",
        "requestBucket": "edu-ucsc-gi-platform-hca-dev-awsconfig.us-east-1",
        "count(*)": "9"
    }
]`;

const STEAMPIPE_ROW =
  "| aws-cloudtrail-logs-111122223333-b083b6c5 | 111122223333_CloudTrail_us-east-1_3 | 2022-07-05T15:25:05+12:00 | " +
  '{"eventVersion":"1.08",' +
  '"userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::111122223333:user/omero.saienni@turbot.com","accountId":"111122223333",' +
  '"userName":"omero.saienni@turbot.com"},"eventSource":"s3.amazonaws.com","eventName":"GetBucketVersioning","awsRegion":"ap-southeast-2",' +
  '"errorCode":"AccessDenie\nd","errorMessage":"Access Denied",' +
  '"requestParameters":{"bucketName":"rex-aab-csm-bucket","Host":"s3.ap-southeast-2.amazonaws.com",' +
  '"versioning":""},"responseElements":null,"additionalEventData":{"SignatureVersi |';

const ELIDED_RECORD = `{
"eventVersion": "1.08",
"userIdentity": {
"type": "IAMUser",
[...]
},
"eventSource": "s3.amazonaws.com",
"eventName": "PutObject",
"awsRegion": "ap-southeast-2",
"errorCode": "AccessDenied",
"errorMessage": "Access Denied",
"requestParameters": {
"bucketName": "mybucket",
"key": "mykey/test.py"
},
"resources": [
{
"type": "AWS::S3::Object",
"ARN": "arn:aws:s3:::mybucket/mykey/test.py"
},`;

const ANONYMOUS_RECORD = `{
    "eventVersion": "1.07",
    "userIdentity": {
        "type": "AWSAccount",
        "principalId": "",
        "accountId": "ANONYMOUS_PRINCIPAL"
    },
    "eventSource": "s3.amazonaws.com",
    "eventName": "HeadBucket",
    "errorCode": "AccessDenied",
    "errorMessage": "Access Denied",
    "requestParameters": {
        "bucketName": "<BUCKET>"
    },
    "eventID"`;

function onlyRecord(text: string) {
  const { records } = parseDenials(text);
  expect(records).toHaveLength(1);
  return records[0]!;
}

describe("log-query rows that flatten a CloudTrail record", () => {
  it("reads the caller from a dotted userIdentity.arn column (Logs Insights)", () => {
    const record = onlyRecord(INSIGHTS_DOTTED);
    expect(record.principal).toBe("arn:aws:sts::289950828509:assumed-role/azul-aws_config/configLambdaExecution");
    expect(record.action).toBe("macie2:GetMacieSession");
  });

  it("reads the caller from the @message record and the bucket and key from the query's renamed columns", () => {
    const record = onlyRecord(INSIGHTS_MESSAGE);
    expect(record.principal).toBe("arn:aws:sts::122796619775:assumed-role/azul-gitlab/i-0747c095cbb5a6b99");
    expect(record.requestValues).toMatchObject({
      BucketName: "aws-ssm-document-attachments-us-east-1",
      ObjectName: "bb0/392646846153/linux_rpm_x86_64.zip",
    });
  });

  it("reads an AWS service calling with no identity of yours from its source column, and skips blank cells", () => {
    const record = onlyRecord(INSIGHTS_SERVICE);
    expect(record.principal).toBe("config.amazonaws.com");
    expect(record.requestValues).toMatchObject({ BucketName: "edu-ucsc-gi-platform-hca-dev-awsconfig.us-east-1" });
  });
});

describe("CloudTrail records pasted whole, wrapped, shortened or unsigned", () => {
  it("reads a record in a steampipe table cell, joined where the terminal wrapped it", () => {
    const record = onlyRecord(STEAMPIPE_ROW);
    expect(record.sourceFormat).toBe("cloudtrail");
    expect(record.errorCode).toBe("AccessDenied");
    expect(record.principal).toBe("arn:aws:iam::111122223333:user/omero.saienni@turbot.com");
    expect(record.requestValues).toMatchObject({ BucketName: "rex-aab-csm-bucket" });
  });

  it("reads a record whose writer elided members with [...], taking the object ARN from resources[]", () => {
    const record = onlyRecord(ELIDED_RECORD);
    expect(record.sourceFormat).toBe("cloudtrail");
    expect(record.resource).toBe("arn:aws:s3:::mybucket/mykey/test.py");
  });

  it("reads an AWSAccount identity with account ANONYMOUS_PRINCIPAL as the anonymous caller", () => {
    expect(onlyRecord(ANONYMOUS_RECORD).principal).toBe("anonymous");
  });
});
