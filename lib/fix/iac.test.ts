import { beforeAll, describe, expect, it } from "vitest";
import { loadCatalog } from "../catalog";
import { actionKeys } from "../diagnose";
import type { ActionCatalog } from "../iam";
import { denialRecordOf } from "../testing/denial-record";
import { fixFor } from "./index";

const record = (action: string, resource: string) =>
  denialRecordOf({
    kind: "iam-authorization",
    encodedMessage: null,
    sourceFormat: "iam-message",
    excerpt: "",
    service: action.split(":")[0],
    action,
    principal: "arn:aws:iam::123456789012:user/alice",
    resource,
    statedPolicyType: "resource-based",
    statedReason: "no-allow",
    account: "123456789012",
    region: "us-east-1",
  });

const API = record("execute-api:Invoke", "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/items");
const BUCKET = record("s3:GetObject", "arn:aws:s3:::reports/k");
let catalog: ActionCatalog;

beforeAll(async () => {
  catalog = await loadCatalog(actionKeys([API, BUCKET]));
});

describe("resource-policy IaC snippets", () => {
  it("edit the existing REST API instead of declaring a new one", () => {
    const fix = fixFor("resource-policy", API, catalog);
    expect(fix.sam).toContain("in your existing AWS::ApiGateway::RestApi (do not declare a new one)");
    expect(fix.sam).not.toContain("Type: AWS::ApiGateway::RestApi");
  });

  it("say that a policy resource replaces the whole policy", () => {
    const fix = fixFor("resource-policy", BUCKET, catalog);
    expect(fix.sam).toContain("AWS::S3::BucketPolicy holds the whole policy");
    expect(fix.terraform).toContain("aws_s3_bucket_policy manages the whole policy");
  });
});

describe("Lambda resource policies", () => {
  it("grant a layer's own action on the layer version, not lambda:InvokeFunction", async () => {
    const layer = record("lambda:GetLayerVersion", "arn:aws:lambda:us-west-2:205979422636:layer:canvas:886");
    const fix = fixFor("resource-policy", layer, await loadCatalog(actionKeys([layer])));
    expect(fix.statement).toMatchObject({
      Action: "lambda:GetLayerVersion",
      Resource: "arn:aws:lambda:us-west-2:205979422636:layer:canvas:*",
    });
  });
});

describe("Lambda's stream permissions", () => {
  it("name the stream's consumers, which kinesis:SubscribeToShard requires", async () => {
    const stream = denialRecordOf({
      kind: "lambda-stream-access",
      detail: "kinesis:GetRecords",
      sourceFormat: "cloudformation",
      excerpt: "",
      service: "kinesis",
      action: "kinesis:GetRecords",
      resource: "arn:aws:kinesis:eu-west-1:123456789012:stream/orders",
      region: "eu-west-1",
      account: "123456789012",
    });
    const fix = fixFor("execution-role", stream, await loadCatalog(actionKeys([stream])));
    expect(fix.statement?.Resource).toEqual([
      "arn:aws:kinesis:eu-west-1:123456789012:stream/orders",
      "arn:aws:kinesis:eu-west-1:123456789012:stream/orders/consumer/*:*",
    ]);
  });
});

describe("Terraform strings", () => {
  it("escape template sequences from the input, so Terraform writes them literally", async () => {
    const templated = record("s3:GetObject", "arn:aws:s3:::home-${aws:username}%{if x}/k");
    const fix = fixFor("resource-policy", templated, await loadCatalog(actionKeys([templated])));
    expect(fix.terraform).toContain('bucket = "home-$${aws:username}%%{if x}"');
    expect(fix.terraform).not.toMatch(/[^$]\$\{aws|[^%]%\{if/);
    expect(JSON.stringify(fix.statement)).toContain("home-${aws:username}%{if x}/*");
  });
});
