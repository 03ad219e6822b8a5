import { describe, expect, it } from "vitest";
import { findingsOf } from "../testing/diagnosed";

// Trimmed from guidance-for-game-analytics-pipeline-on-aws#97 and prowler-cloud/prowler#988.
const ARN_AS_NAME =
  "User: arn:aws:sts::209350187543:assumed-role/game-analytics-pipeline-ApiGatewayRole/BackplaneAssumeRoleSession is " +
  "not authorized to perform: firehose:PutRecordBatch on resource: arn:aws:firehose:eu-north-1:209350187543:" +
  "deliverystream/arn:aws:firehose:eu-north-1:209350187543:deliverystream/game-analytics-pipeline-game-events-firehose-fhvibkk8 " +
  "because no identity-based policy allows the firehose:PutRecordBatch action";
const CUT_CATALOG_ARN =
  "An error occurred (AccessDeniedException) when calling the SearchTables operation: User: " +
  "arn:aws:sts::XXXXXXXXXXXX:assumed-role/ProwlerExecRole/prowler is not authorized to perform: glue:SearchTables on " +
  "resource: arn:aws:glue:us-east-1:XXXXXXXXXXX";

describe("resources that are not what a policy can name", () => {
  it("leads an ARN passed as a name with passing the name, not with an Allow on an ARN that cannot exist", async () => {
    const [finding] = await findingsOf(ARN_AS_NAME);
    expect(finding?.layer).toBe("unknown");
    expect(finding?.fix.statement).toBeNull();
    expect(finding?.fix.title).toContain("Pass the name game-analytics-pipeline-game-events-firehose-fhvibkk8");
    const policy = finding?.candidates.find((candidate) => candidate.layer === "execution-role");
    expect(policy?.fix.statement?.Resource).toBe(
      "arn:aws:firehose:eu-north-1:209350187543:deliverystream/game-analytics-pipeline-game-events-firehose-fhvibkk8",
    );
  });

  it("reads an ARN cut after its masked account as the account-level resource, never as a name", async () => {
    const [finding] = await findingsOf(CUT_CATALOG_ARN);
    const resources = [finding?.fix.statement?.Resource].flat().map(String);
    expect(resources).toContain("arn:aws:glue:us-east-1:<ACCOUNT_ID>:catalog");
    expect(resources.some((resource) => resource.indexOf("arn:", 1) !== -1)).toBe(false);
  });
});
