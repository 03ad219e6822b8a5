import { describe, expect, it } from "vitest";
import { MAX_RECORDS, parseDenials } from "./index";

const record = (index: number) => ({
  eventVersion: "1.08",
  eventSource: "s3.amazonaws.com",
  eventName: "GetObject",
  awsRegion: "us-east-1",
  eventID: `event-${index}`,
  errorCode: "AccessDenied",
  errorMessage: `User: arn:aws:iam::123456789012:user/u${index} is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::bucket/key${index}`,
});

describe("parseDenials on pasted CloudTrail JSON", () => {
  it("reads at most MAX_RECORDS denials and says it left the rest out, as the text path does", () => {
    const text = JSON.stringify({ Records: Array.from({ length: 3000 }, (_, index) => record(index)) });
    const parsed = parseDenials(text);
    expect(parsed.records).toHaveLength(MAX_RECORDS);
    expect(parsed.truncated).toBe(true);
  });

  it("is not truncated under the cap", () => {
    const parsed = parseDenials(JSON.stringify({ Records: [record(1), record(2)] }));
    expect(parsed.records).toHaveLength(2);
    expect(parsed.truncated).toBe(false);
  });
});
