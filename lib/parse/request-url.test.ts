import { describe, expect, it } from "vitest";
import { subjectOfUrl } from "./request-url";

describe("subjectOfUrl", () => {
  it.each([
    [
      "https://my.bucket.s3.eu-west-1.amazonaws.com/a/b%20c.txt",
      { service: "s3", resource: "arn:aws:s3:::my.bucket/a/b c.txt" },
    ],
    [
      "https://s3-eu-west-1.amazonaws.com/my.bucket/test.txt",
      { service: "s3", resource: "arn:aws:s3:::my.bucket/test.txt" },
    ],
    ["https://s3.amazonaws.com/reports?list-type=2", { service: "s3", resource: "arn:aws:s3:::reports" }],
    [
      "https:\\/\\/torquest-backup.s3.ca-central-1.amazonaws.com\\/",
      { service: "s3", resource: "arn:aws:s3:::torquest-backup" },
    ],
    ["https://123456789012.s3-control.us-east-1.amazonaws.com/v20180820/jobs", { service: "s3", resource: null }],
    [
      "https://route53.amazonaws.com/2013-04-01/hostedzone/Z38NKT9BP95V3O/rrset/",
      { service: "route53", resource: "arn:aws:route53:::hostedzone/Z38NKT9BP95V3O" },
    ],
    [
      "https://sqs.us-east-1.amazonaws.com/123456789012/orders",
      { service: "sqs", resource: "arn:aws:sqs:us-east-1:123456789012:orders" },
    ],
    ["https://dynamodb.us-east-1.amazonaws.com/", { service: "dynamodb", resource: null }],
  ])("reads %s", (url, subject) => {
    expect(subjectOfUrl(url)).toEqual(subject);
  });

  it("names no service for a host that is not AWS's, or an endpoint whose first label is not the service", () => {
    expect(subjectOfUrl("https://bucket.account.r2.cloudflarestorage.com/key")).toBeNull();
    expect(subjectOfUrl("https://a1b2c3.execute-api.us-east-1.amazonaws.com/prod/orders")).toBeNull();
  });
});
