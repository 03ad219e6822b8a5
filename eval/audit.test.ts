import { describe, expect, it } from "vitest";
import type { Finding } from "../lib/wire";
import { auditFinding } from "./audit";

function findingWith(statement: Record<string, unknown>, placeholders: string[] = []): Pick<Finding, "candidates"> {
  const fix = {
    layer: "execution-role" as const,
    title: "",
    owner: "you" as const,
    statement,
    target: "",
    cli: "",
    terraform: "",
    sam: "",
    consoleUrl: null,
    requestText: null,
    notes: [],
    placeholders,
    managedPolicy: null,
    additionalStatements: [],
  };
  const certainty = { basis: "inferred" as const, label: "Best guess · 100%" };
  return { candidates: [{ layer: "execution-role", confidence: 1, why: "", checks: [], fix, certainty }] };
}

describe("the fix audit", () => {
  it("flags actions the IAM reference does not have", async () => {
    const problems = await auditFinding(findingWith({ Action: "s3:DeleteBucketEncryption", Resource: "*" }), "");
    expect(problems.unknownActions).toEqual(["s3:DeleteBucketEncryption"]);
  });

  it("counts a tagging action's one tagged resource as its whole scope (a listener's AddTags needs no load balancer)", async () => {
    const listener =
      "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2";
    const tagged = { Action: "elasticloadbalancing:AddTags", Resource: listener };
    expect((await auditFinding(findingWith(tagged), "")).missingResourceTypes).toEqual([]);
    const elsewhere = { Action: "elasticloadbalancing:AddTags", Resource: "arn:aws:s3:::reports" };
    expect((await auditFinding(findingWith(elsewhere), "")).missingResourceTypes).toEqual([
      "elasticloadbalancing:AddTags needs one of loadbalancer",
    ]);
  });

  it("flags a required resource type the statement leaves out", async () => {
    const statement = {
      Action: "ec2:CreateNetworkInterface",
      Resource: "arn:aws:ec2:us-east-1:123456789012:network-interface/*",
    };
    expect((await auditFinding(findingWith(statement), "")).missingResourceTypes).toEqual([
      "ec2:CreateNetworkInterface needs subnet",
    ]);
    const complete = { ...statement, Resource: [statement.Resource, "arn:aws:ec2:us-east-1:123456789012:subnet/*"] };
    expect((await auditFinding(findingWith(complete), "")).missingResourceTypes).toEqual([]);
  });

  it("asks one model of bedrock:InvokeModel, and the routed models of an inference profile", async () => {
    const model = { Action: "bedrock:InvokeModel", Resource: "arn:aws:bedrock:us-east-1::foundation-model/m.v1" };
    expect((await auditFinding(findingWith(model), "")).missingResourceTypes).toEqual([]);
    const profile = {
      Action: "bedrock:InvokeModel",
      Resource: "arn:aws:bedrock:eu-west-1:123456789012:inference-profile/eu.m.v1",
    };
    expect((await auditFinding(findingWith(profile), "")).missingResourceTypes).toEqual([
      "bedrock:InvokeModel needs foundation-model",
    ]);
  });

  it("tells an object ARN from a bucket ARN, and lets wildcards cover both", async () => {
    const object = { Action: "s3:ListBucket", Resource: "arn:aws:s3:::reports/*" };
    expect((await auditFinding(findingWith(object), "")).missingResourceTypes).toEqual([
      "s3:ListBucket needs one of accesspoint, bucket",
    ]);
    const bucket = { Action: "s3:ListBucket", Resource: "arn:aws:s3:::reports" };
    expect((await auditFinding(findingWith(bucket), "")).missingResourceTypes).toEqual([]);
    const wildcard = {
      Action: "codedeploy:ListDeployments",
      Resource: "arn:aws:codedeploy:us-east-1:1:deploymentgroup:*",
    };
    expect((await auditFinding(findingWith(wildcard), "")).missingResourceTypes).toEqual([]);
  });

  it("reads a redacted run of stars as one wildcard, in linear time", async () => {
    const statement = {
      Action: "iam:PassRole",
      Resource: `arn:aws:iam::${"*".repeat(40)}:role/lambda_basic_execution`,
    };
    expect((await auditFinding(findingWith(statement), "")).missingResourceTypes).toEqual([]);
  });

  it("flags a placeholder whose value the input states", async () => {
    const finding = findingWith({ Action: "ec2:StartInstances", Resource: "*" }, ["<InstanceId>"]);
    const record = '{"eventName":"StartInstances","requestParameters":{"instanceId":"i-0abc"}}';
    expect((await auditFinding(finding, record)).placeholdersWithValues).toEqual(["execution-role: <InstanceId>"]);
    expect((await auditFinding(finding, "Access Denied")).placeholdersWithValues).toEqual([]);
  });

  it("counts an account, Region or caller's role only where the input states one", async () => {
    const flagged = async (placeholder: string, input: string) =>
      (await auditFinding(findingWith({ Action: "s3:ListBucket", Resource: "*" }, [placeholder]), input))
        .placeholdersWithValues.length > 0;
    expect(await flagged("ACCOUNT_ID", "shard='shardId-000000000000'")).toBe(false);
    expect(await flagged("ACCOUNT_ID", "on resource: arn:aws:s3:us-east-1:123456789012:thing/x")).toBe(true);
    expect(await flagged("REGION", "User: arn:aws:sts::1:assumed-role/api-us-east-1-lambdaRole/fn")).toBe(false);
    expect(await flagged("REGION", "creating EC2 VPC Endpoint (com.amazonaws.eu-west-1.s3)")).toBe(false);
    expect(await flagged("REGION", "calling https://sqs.eu-west-1.amazonaws.com")).toBe(true);
    expect(await flagged("REGION", "Environment aws://123/eu-central-1 failed bootstrapping")).toBe(true);
    const created =
      "User: arn:aws:sts::*****:assumed-role/***Role/*** is not authorized to perform: iam:CreateRole on resource: arn:aws:iam::*****:role/nodes";
    expect(await flagged("ROLE_NAME", created)).toBe(false);
    expect(await flagged("ROLE_NAME", "User: arn:aws:sts::1:assumed-role/...-ApiRole/fn is not authorized")).toBe(
      false,
    );
    expect(await flagged("ROLE_NAME", "User: arn:aws:sts::1:assumed-role/ApiRole/fn is not authorized")).toBe(true);
    expect(await flagged("ROLE_NAME", '"arn": "arn:aws:sts::**:assumed-role/karpenter-controller-****/***"')).toBe(
      false,
    );
    expect(await flagged("ROLE_NAME", '"arn": "arn:aws:sts::1:assumed-role/karpenter/x"')).toBe(true);
    expect(await flagged("USER_NAME", "User: arn:aws:iam::1:user/user name is not authorized")).toBe(false);
    expect(await flagged("USER_NAME", "User: arn:aws:iam::XXXX:user/XXXX is not authorized")).toBe(false);
    expect(await flagged("USER_NAME", "User: cloud_user is not authorized")).toBe(true);
  });

  it("takes API Gateway's root-path ARN, and flags an action without resource-level scope on an ARN", async () => {
    const root = {
      Action: "execute-api:Invoke",
      Resource: "arn:aws:execute-api:us-west-2:123456789012:vd2gh6uqw3/api/GET/",
    };
    expect((await auditFinding(findingWith(root), "")).missingResourceTypes).toEqual([]);
    const scoped = { Action: "kinesis:ListStreams", Resource: "arn:aws:kinesis:eu-west-1:123456789012:stream/orders" };
    expect((await auditFinding(findingWith(scoped), "")).missingResourceTypes).toEqual([
      'kinesis:ListStreams supports no resource-level scope: needs "*"',
    ]);
  });
});
