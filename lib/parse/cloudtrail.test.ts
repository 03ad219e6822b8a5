import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isDenialCode, parseDenials } from "./index";

// Real records: invictus-ir/aws_dataset (MIT) and panther-labs/panther-analysis (Apache-2.0); see cases/SOURCES.md.
const realRecords = readFileSync(new URL("./cases/cloudtrail-records.jsonl", import.meta.url), "utf8")
  .trim()
  .split("\n");

const kmsRecord = {
  eventVersion: "1.09",
  eventSource: "kms.amazonaws.com",
  eventName: "Decrypt",
  eventTime: "2026-01-01T00:00:00Z",
  eventID: "e1",
  awsRegion: "us-east-1",
  errorCode: "AccessDenied",
  errorMessage:
    "User: arn:aws:sts::111122223333:assumed-role/r/fn is not authorized to perform: kms:Decrypt on " +
    "resource: arn:aws:kms:us-east-1:111122223333:key/k because no resource-based policy allows the " +
    "kms:Decrypt action",
  userIdentity: { type: "AssumedRole", arn: "arn:aws:sts::111122223333:assumed-role/r/fn" },
  recipientAccountId: "111122223333",
};
const okRecord = { ...kmsRecord, eventID: "e2", errorCode: undefined, errorMessage: undefined };

describe("CloudTrail JSON", () => {
  it("reads a single record", () => {
    const [record] = parseDenials(JSON.stringify(kmsRecord)).records;
    expect(record).toMatchObject({
      sourceFormat: "cloudtrail",
      action: "kms:Decrypt",
      statedPolicyType: "resource-based",
      event: { id: "e1", name: "Decrypt" },
    });
  });

  it("reads a trail file, lookup-events output and JSON Lines alike", () => {
    const trail = JSON.stringify({ Records: [kmsRecord, okRecord] });
    const lookup = JSON.stringify({ Events: [{ EventId: "e1", CloudTrailEvent: JSON.stringify(kmsRecord) }] });
    const lines = `${JSON.stringify(okRecord)}\n${JSON.stringify(kmsRecord)}\n`;
    for (const text of [trail, lookup, lines])
      expect(parseDenials(text).records.map((record) => record.action)).toEqual(["kms:Decrypt"]);
  });

  it("builds the action from the event when there is no errorMessage", () => {
    const bare = {
      ...kmsRecord,
      eventSource: "s3.amazonaws.com",
      eventName: "ListObjects",
      errorMessage: undefined,
      resources: [{ ARN: "arn:aws:s3:::b" }],
    };
    expect(parseDenials(JSON.stringify(bare)).records[0]).toMatchObject({
      action: "s3:ListBucket",
      resource: "arn:aws:s3:::b",
    });
  });

  it("counts Lambda's configuration-time errors as denials and strips the API version from the operation", () => {
    const configError = {
      ...kmsRecord,
      eventSource: "lambda.amazonaws.com",
      eventName: "CreateEventSourceMapping20150331",
      errorCode: "InvalidParameterValueException",
      errorMessage: "The function execution role does not have permissions to call ReceiveMessage on SQS",
    };
    expect(parseDenials(JSON.stringify(configError)).records[0]).toMatchObject({
      kind: "lambda-role-missing-permission",
      action: "sqs:ReceiveMessage",
      operation: "CreateEventSourceMapping",
    });
  });

  it("reads a record quoted without its eventSource when the eventName belongs to one service", () => {
    const quoted: Partial<typeof kmsRecord> = { ...kmsRecord };
    delete quoted.eventSource;
    expect(parseDenials(JSON.stringify(quoted)).records[0]).toMatchObject({
      sourceFormat: "cloudtrail",
      action: "kms:Decrypt",
    });
  });

  it("reads a record cut off before its end, from the members it completed", () => {
    const pretty = JSON.stringify({ Records: [{ ...kmsRecord, errorMessage: undefined }] }, null, 2);
    const cut = pretty.slice(0, pretty.indexOf('"recipientAccountId"') + 24);
    expect(parseDenials(cut).records[0]).toMatchObject({
      sourceFormat: "cloudtrail",
      action: "kms:Decrypt",
      principal: "arn:aws:sts::111122223333:assumed-role/r/fn",
    });
  });

  it("finds the denials among real records and ignores the rest", () => {
    const { records } = parseDenials(realRecords.join("\n"));
    const denials = realRecords
      .map((line) => JSON.parse(line) as { errorCode?: string })
      .filter((record) => record.errorCode && /AccessDenied|UnauthorizedOperation/.test(record.errorCode));
    expect(records.reduce((sum, record) => sum + record.occurrences, 0)).toBe(denials.length);
    expect(records.every((record) => record.sourceFormat === "cloudtrail")).toBe(true);
  });
});

describe("denial error codes", () => {
  it.each([
    "AccessDenied",
    "AccessDeniedException",
    "Client.UnauthorizedOperation",
    "UnauthorizedOperation",
    "AuthorizationError",
    "AuthorizationErrorException",
    "Forbidden",
    "ForbiddenException",
    "KMS.AccessDeniedException",
    "AccessDeniedForDependencyException",
  ])("%s is a denial", (code) => expect(isDenialCode(code)).toBe(true));

  it.each(["ThrottlingException", "NoSuchKey", "ExpiredToken", "AccessDeniedX", "InvalidParameterValueException"])(
    "%s is not",
    (code) => expect(isDenialCode(code)).toBe(false),
  );
});

describe("CloudTrail: every code that means a denial", () => {
  it.each([
    "AccessDenied",
    "AccessDeniedException",
    "Client.UnauthorizedOperation",
    "KMS.AccessDeniedException",
    "Kinesis.KMS.AccessDeniedException",
    "KMSAccessDeniedException",
    "VpceAccessDenied",
  ])("%s is a denial code", (code) => {
    expect(isDenialCode(code)).toBe(true);
  });

  it.each(["ThrottlingException", "ValidationException", "NoSuchKey"])("%s is not", (code) => {
    expect(isDenialCode(code)).toBe(false);
  });

  it("reads a VPC endpoint network activity denial as stated by the VPC endpoint policy", () => {
    const vpce = {
      ...kmsRecord,
      eventCategory: "NetworkActivity",
      errorCode: "VpceAccessDenied",
      errorMessage: "The request was denied due to a VPC endpoint policy",
    };
    const [record] = parseDenials(JSON.stringify(vpce)).records;
    expect(record).toMatchObject({
      action: "kms:Decrypt",
      statedPolicyType: "vpc-endpoint",
      errorCode: "VpceAccessDenied",
    });
  });

  it("builds a record from event source and error code when there is no errorMessage", () => {
    const bare = { ...kmsRecord, eventSource: "ec2.amazonaws.com", eventName: "RunInstances", errorMessage: undefined };
    const [record] = parseDenials(JSON.stringify({ ...bare, errorCode: "Client.UnauthorizedOperation" })).records;
    expect(record).toMatchObject({
      kind: "generic-denied",
      service: "ec2",
      action: "ec2:RunInstances",
      policyArn: null,
    });
  });

  it("reads a VpceAccessDenied record without a message as the VPC endpoint policy's", () => {
    const [record] = parseDenials(
      JSON.stringify({ ...kmsRecord, errorCode: "VpceAccessDenied", errorMessage: undefined }),
    ).records;
    expect(record).toMatchObject({ statedPolicyType: "vpc-endpoint", action: "kms:Decrypt" });
  });
});
