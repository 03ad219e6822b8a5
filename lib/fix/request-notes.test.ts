import { describe, expect, it } from "vitest";
import { subjectOf } from "../iam";
import { parseDenials } from "../parse";
import { serviceLinkedRoleNote, unsetNameNote } from "./request-notes";

function subject(text: string) {
  const [record] = parseDenials(text).records;
  if (!record) throw new Error(`no denial in: ${text}`);
  return subjectOf(record);
}

describe("notes on what the request itself named", () => {
  it("says a resource named by an unset variable needs the name set, not a policy", () => {
    const named = subject(
      "User: arn:aws:sts::613607431007:assumed-role/app-unauthRole/CognitoIdentityCredentials is not authorized to " +
        "perform: kinesis:PutRecords on resource: arn:aws:kinesis:us-west-2:613607431007:stream/undefined",
    );
    expect(unsetNameNote(named)).toMatch(/never set/);
    const real = subject(
      "User: arn:aws:sts::613607431007:assumed-role/app/x is not authorized to perform: kinesis:PutRecords on " +
        "resource: arn:aws:kinesis:us-west-2:613607431007:stream/clicks",
    );
    expect(unsetNameNote(real)).toBeNull();
  });

  it("says a service-linked role's policy cannot be edited, on the caller-policy fix only", () => {
    const linked = subject(
      "User: arn:aws:sts::123456789012:assumed-role/AWSServiceRoleForSecurityHub/securityhub is not authorized to " +
        "perform: config:GetComplianceDetailsByConfigRule",
    );
    expect(serviceLinkedRoleNote("execution-role", linked)).toMatch(/does not let you edit/);
    expect(serviceLinkedRoleNote("scp", linked)).toBeNull();
  });
});
