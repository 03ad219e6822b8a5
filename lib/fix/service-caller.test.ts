import { beforeAll, describe, expect, it } from "vitest";
import type { ActionCatalog } from "../iam";
import { loadCatalog } from "../catalog";
import { actionKeys, diagnoseParsed } from "../diagnose";
import { parseDenials } from "../parse";

const QUEUE_DESTINATION =
  "Permissions on the destination queue do not allow S3 to publish notifications from this bucket";

let catalog: ActionCatalog;

beforeAll(async () => {
  catalog = await loadCatalog(actionKeys(parseDenials(QUEUE_DESTINATION).records));
});

describe("an AWS service as the caller", () => {
  it("S3 notifications to a queue: the queue policy names s3.amazonaws.com as a Service, not Lambda's add-permission", () => {
    const finding = diagnoseParsed(parseDenials(QUEUE_DESTINATION), catalog).findings[0];
    expect(finding?.layer).toBe("resource-policy");
    expect(finding?.fix.statement).toMatchObject({
      Principal: { Service: "s3.amazonaws.com" },
      Action: "sqs:SendMessage",
    });
    expect(finding?.fix.cli).not.toContain("aws lambda add-permission");
  });
});
