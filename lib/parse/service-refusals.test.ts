import { describe, expect, it } from "vitest";
import { parseDenials } from "./index";

function onlyRecord(text: string) {
  const { records } = parseDenials(text);
  expect(records).toHaveLength(1);
  return records[0];
}

describe("parseDenials: CloudFormation's 'API: service:Call Access Denied' row", () => {
  it("reads the IAM action of the API it names, not the API's own name", () => {
    for (const [text, action] of [
      [
        "An error occurred: ServerlessDeploymentBucket - API: s3:SetBucketEncryption Access Denied.",
        "s3:PutEncryptionConfiguration",
      ],
      ["API: s3:PutBucketPolicy Access Denied", "s3:PutBucketPolicy"],
      ["MyBucket CREATE_FAILED API: s3:PutPublicAccessBlock Access Denied", "s3:PutBucketPublicAccessBlock"],
    ] as const) {
      expect(onlyRecord(text)).toMatchObject({ service: "s3", action, kind: "generic-denied" });
    }
  });
});

describe("parseDenials: PHP's body-less 403", () => {
  it("reads '403 (client): 403 Forbidden' as a HEAD's unexplained 403, the call named on the line before or the same", () => {
    for (const [text, resource] of [
      [
        '    Error executing "HeadObject" on "https://s3.amazonaws.com/[bucket-name]/[file-name]";\n' +
          "    AWS HTTP error: Client error: 403 (client): 403 Forbidden (Request-ID:[hex value])",
        "arn:aws:s3:::[bucket-name]/[file-name]",
      ],
      [
        'Aws\\S3\\Exception\\S3Exception: Error executing "HeadObject" on "https://my-bucket.s3.eu-west-1.amazonaws.com/' +
          'reports/a.csv"; AWS HTTP error: Client error: 403 (client): 403 Forbidden (Request-ID: 4B1C9A0E)',
        "arn:aws:s3:::my-bucket/reports/a.csv",
      ],
    ] as const) {
      expect(onlyRecord(text)).toMatchObject({ kind: "http-forbidden", action: "s3:GetObject", resource });
    }
  });

  it("leaves a 403 whose error code PHP names to that code", () => {
    const text =
      'Error executing "PutObject" on "https://s3.amazonaws.com/b/k"; AWS HTTP error: Client error: 403 ' +
      "AccessDenied (client): Access Denied";
    expect(onlyRecord(text)).toMatchObject({ kind: "generic-denied", action: "s3:PutObject" });
  });
});
