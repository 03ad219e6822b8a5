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

const ATHENA_PLACEHOLDER =
  "InvalidRequestException: An error occurred (InvalidRequestException) when calling the StartQueryExecution " +
  "operation: Unable to verify/create output bucket aws-athena-query-results-XXXX-YYYY";
const ATHENA_DEFAULT =
  "Unable to verify/create output bucket aws-athena-query-results-123456789012-eu-west-1 (Service: AmazonAthena)";

let catalog: ActionCatalog;
beforeAll(async () => {
  const texts = [CUT_ROW, CLI, ATHENA_PLACEHOLDER, ATHENA_DEFAULT];
  catalog = await loadCatalog(texts.flatMap((text) => actionKeys(parseDenials(text).records)));
});

function identityFixOf(text: string) {
  const finding = diagnoseParsed(parseDenials(text), catalog).findings[0];
  return finding?.candidates.find((candidate) => candidate.layer === "execution-role")?.fix;
}

describe("the state machine role's log delivery", () => {
  it("grants every log-delivery call Step Functions' logging makes, on '*'", () => {
    for (const text of [CUT_ROW, CLI]) {
      const fix = identityFixOf(text);
      expect(fix?.statement?.Resource).toBe("*");
      expect(fix?.statement?.Action).toEqual(LOG_DELIVERY_CALLS);
    }
  });
});

describe("Athena's query-results bucket", () => {
  it("grants finding, listing and writing the bucket Athena named", () => {
    for (const [text, bucket] of [
      [ATHENA_PLACEHOLDER, "aws-athena-query-results-XXXX-YYYY"],
      [ATHENA_DEFAULT, "aws-athena-query-results-123456789012-eu-west-1"],
    ] as const) {
      const fix = identityFixOf(text);
      expect(fix?.statement?.Action).toEqual(["s3:GetBucketLocation", "s3:ListBucket"]);
      expect(fix?.statement?.Resource).toBe(`arn:aws:s3:::${bucket}`);
      expect(fix?.additionalStatements).toContainEqual({
        Sid: "AllowAthenaQueryResults",
        Effect: "Allow",
        Action: "s3:PutObject",
        Resource: `arn:aws:s3:::${bucket}/*`,
      });
    }
  });
});
