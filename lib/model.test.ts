import { describe, expect, it } from "vitest";
import { denialRecordSchema, type DenialRecord } from "./model";
import { denialRecordOf } from "./testing/denial-record";

const generic = denialRecordOf({ kind: "generic-denied", sourceFormat: "aws-cli", excerpt: "Access Denied" });

describe("the denial record", () => {
  it("carries the encoded message, the Lambda detail and the CloudTrail event only where they exist", () => {
    // @ts-expect-error: a bare Access Denied has no encoded EC2 message
    const encoded: DenialRecord = { ...generic, kind: "generic-denied", encodedMessage: "AbC" };
    // @ts-expect-error: a Lambda configuration error always names what it needed
    const lambda: DenialRecord = { ...generic, kind: "lambda-role-missing-permission" };
    // @ts-expect-error: a record read from CloudTrail has its event
    const trail: DenialRecord = { ...generic, sourceFormat: "cloudtrail" };
    expect(denialRecordSchema.safeParse(lambda).success).toBe(false);
    expect(denialRecordSchema.safeParse(trail).success).toBe(false);
    expect(denialRecordSchema.parse(encoded)).not.toHaveProperty("encodedMessage");
  });
});
