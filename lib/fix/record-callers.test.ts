import { beforeAll, describe, expect, it } from "vitest";
import type { ActionCatalog } from "../iam";
import { loadCatalog } from "../catalog";
import { actionKeys, diagnoseParsed } from "../diagnose";
import { parseDenials } from "../parse";

const ANONYMOUS_HEAD_BUCKET = JSON.stringify({
  userIdentity: { type: "AWSAccount", principalId: "", accountId: "ANONYMOUS_PRINCIPAL" },
  eventSource: "s3.amazonaws.com",
  eventName: "HeadBucket",
  userAgent: "[Go-http-client/1.1]",
  errorCode: "AccessDenied",
  errorMessage: "Access Denied",
  requestParameters: { bucketName: "<BUCKET>" },
});

const CONFIG_SERVICE_ROW = JSON.stringify([
  {
    errorCode: "AccessDenied",
    eventSource: "s3.amazonaws.com",
    eventName: "HeadBucket",
    source: "config.amazonaws.com",
    principalId: "",
    requestBucket: "edu-ucsc-gi-platform-hca-dev-awsconfig.us-east-1",
  },
]);

const AWS_OWNED_BUCKET_ROW = JSON.stringify([
  {
    errorCode: "AccessDenied",
    eventSource: "s3.amazonaws.com",
    eventName: "GetObject",
    requestBucket: "aws-ssm-document-attachments-us-east-1",
    "@message": { userIdentity: { arn: "arn:aws:sts::122796619775:assumed-role/azul-gitlab/i-0747c095cbb5a6b99" } },
  },
]);

const TEXTS = [ANONYMOUS_HEAD_BUCKET, CONFIG_SERVICE_ROW, AWS_OWNED_BUCKET_ROW];
let catalog: ActionCatalog;

beforeAll(async () => {
  catalog = await loadCatalog(TEXTS.flatMap((text) => actionKeys(parseDenials(text).records)));
});

function findingOf(text: string) {
  const finding = diagnoseParsed(parseDenials(text), catalog).findings[0];
  expect(finding).toBeDefined();
  return finding!;
}

describe("callers a CloudTrail record names without a role", () => {
  it("an anonymous caller: the client must sign the request, no role or user policy is offered", () => {
    const finding = findingOf(ANONYMOUS_HEAD_BUCKET);
    expect(finding.caller.kind).toBe("anonymous");
    expect(finding.layer).toBe("unknown");
    expect(finding.fix.title).toContain("sign");
    const layers = finding.candidates.map((candidate) => candidate.layer);
    expect(layers).not.toContain("execution-role");
    expect(layers).not.toContain("permissions-boundary");
  });

  it("AWS Config calling on its own: the delivery bucket's policy names config.amazonaws.com", () => {
    const finding = findingOf(CONFIG_SERVICE_ROW);
    expect(finding.caller).toMatchObject({ kind: "aws-service", name: "config.amazonaws.com" });
    expect(finding.layer).toBe("resource-policy");
    expect(finding.fix.statement).toMatchObject({
      Principal: { Service: "config.amazonaws.com" },
      Resource: "arn:aws:s3:::edu-ucsc-gi-platform-hca-dev-awsconfig.us-east-1",
    });
  });

  it("a bucket AWS owns: its policy leads, and the fix edits nothing of AWS's", () => {
    const finding = findingOf(AWS_OWNED_BUCKET_ROW);
    expect(finding.caller).toMatchObject({ kind: "assumed-role", name: "azul-gitlab" });
    expect(finding.layer).toBe("resource-policy");
    expect(finding.fix.owner).toBe("resource-owner");
    expect(finding.fix.statement).toBeNull();
    expect(finding.candidates[1]?.fix.statement).toMatchObject({
      Resource: "arn:aws:s3:::aws-ssm-document-attachments-us-east-1/*",
    });
  });
});
