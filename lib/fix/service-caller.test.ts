import { beforeAll, describe, expect, it } from "vitest";
import type { ActionCatalog } from "../iam";
import { loadCatalog } from "../catalog";
import { actionKeys, diagnoseParsed } from "../diagnose";
import { parseDenials } from "../parse";

const QUEUE_DESTINATION =
  "Permissions on the destination queue do not allow S3 to publish notifications from this bucket";

const ENCRYPTED_QUEUE_DELIVERY =
  '{"delivery": {"providerResponse": "{\\"ErrorCode\\":\\"KMS.AccessDeniedException\\",\\"ErrorMessage\\":\\"null ' +
  '(Service: AWSKMS; Status Code: 400; Error Code: AccessDeniedException; Request ID: 1; Proxy: null)\\",' +
  '\\"sqsRequestId\\":\\"Unrecoverable\\"}", "destination": "arn:aws:sqs:us-east-1:123456789012:orders"}}';

let catalog: ActionCatalog;

beforeAll(async () => {
  catalog = await loadCatalog(
    [QUEUE_DESTINATION, ENCRYPTED_QUEUE_DELIVERY].flatMap((text) => actionKeys(parseDenials(text).records)),
  );
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

describe("an AWS service using a key on your behalf", () => {
  it("SNS delivering to an encrypted queue: the key policy names sns.amazonaws.com as a Service, with both actions", () => {
    const finding = diagnoseParsed(parseDenials(ENCRYPTED_QUEUE_DELIVERY), catalog).findings[0];
    expect(finding?.layer).toBe("kms-key-policy");
    expect(finding?.fix.statement).toMatchObject({
      Principal: { Service: "sns.amazonaws.com" },
      Action: ["kms:GenerateDataKey", "kms:Decrypt"],
    });
    expect(finding?.fix.cli).not.toContain("create-grant");
  });
});
