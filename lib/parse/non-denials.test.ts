import { describe, expect, it } from "vitest";
import { parseDenials } from "./index";

function codesOf(text: string): { denials: number; codes: string[] } {
  const { records, nonDenials } = parseDenials(text);
  return { denials: records.length, codes: nonDenials.map((nonDenial) => nonDenial.code) };
}

describe("security findings that quote a denied call", () => {
  // Tester case r5b 47, shortened: a GuardDuty sample finding as its "message" field holds it.
  it("answers a GuardDuty finding as a finding to investigate, not a denial", () => {
    const finding = JSON.stringify({
      schemaVersion: "2.0",
      accountId: "111111111111",
      region: "eu-west-2",
      type: "UnauthorizedAccess:IAMUser/MaliciousIPCaller",
      resource: {
        resourceType: "AccessKey",
        accessKeyDetails: { userType: "IAMUser", userName: "GeneratedFindingUserName" },
      },
      service: {
        serviceName: "guardduty",
        action: {
          actionType: "AWS_API_CALL",
          awsApiCallAction: { api: "GeneratedFindingAPIName", callerType: "Remote IP", errorCode: "AccessDenied" },
        },
      },
    });
    expect(codesOf(finding)).toEqual({ denials: 0, codes: ["SecurityFinding"] });
  });

  it("answers the finding the same when EventBridge delivers it", () => {
    const event = JSON.stringify({
      "detail-type": "GuardDuty Finding",
      source: "aws.guardduty",
      detail: {
        type: "Recon:IAMUser/MaliciousIPCaller",
        service: {
          action: { actionType: "AWS_API_CALL", awsApiCallAction: { api: "ListBuckets", errorCode: "AccessDenied" } },
        },
      },
    });
    expect(codesOf(event)).toEqual({ denials: 0, codes: ["SecurityFinding"] });
  });
});
