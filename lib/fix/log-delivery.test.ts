import { beforeAll, describe, expect, it } from "vitest";
import type { ActionCatalog } from "../iam";
import { loadCatalog } from "../catalog";
import { actionKeys, diagnoseParsed } from "../diagnose";
import { parseDenials } from "../parse";

const CUT_ROW =
  'Resource handler returned message: "The state machine IAM Role is not authorized to access the Log Destination ';
const CLI =
  "An error occurred (AccessDeniedException) when calling the UpdateStateMachine operation: The state machine IAM " +
  "Role is not authorized to access the Log Destination";

const LOG_DELIVERY_CALLS = [
  "logs:CreateLogDelivery",
  "logs:GetLogDelivery",
  "logs:UpdateLogDelivery",
  "logs:DeleteLogDelivery",
  "logs:ListLogDeliveries",
  "logs:PutResourcePolicy",
  "logs:DescribeResourcePolicies",
  "logs:DescribeLogGroups",
];

let catalog: ActionCatalog;
beforeAll(async () => {
  catalog = await loadCatalog([CUT_ROW, CLI].flatMap((text) => actionKeys(parseDenials(text).records)));
});

describe("the state machine role's log delivery", () => {
  it("grants every log-delivery call Step Functions' logging makes, on '*'", () => {
    for (const text of [CUT_ROW, CLI]) {
      const finding = diagnoseParsed(parseDenials(text), catalog).findings[0];
      const fix = finding?.candidates.find((candidate) => candidate.layer === "execution-role")?.fix;
      expect(fix?.statement?.Resource).toBe("*");
      expect(fix?.statement?.Action).toEqual(LOG_DELIVERY_CALLS);
    }
  });
});
