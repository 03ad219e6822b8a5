import { describe, expect, it } from "vitest";
import { parseDenials } from "./index";

function onlyRecord(text: string) {
  const { records } = parseDenials(text);
  expect(records).toHaveLength(1);
  return records[0];
}

describe("parseDenials: Lambda relaying another service's refusal of the caller's credentials", () => {
  it("reads the service and the call from the words, never the wrapper's call under the relayed service", () => {
    const ec2 =
      "botocore.exceptions.ClientError: An error occurred (AccessDeniedException) when calling the " +
      "UpdateFunctionConfiguration operation:\nYour access has been denied by EC2, please make sure your request " +
      "credentials have permission to DescribeSecurityGroups for sg-1111111.\nEC2 Error Code: UnauthorizedOperation. " +
      "EC2 Error Message: You are not authorized to perform this operation.";
    expect(onlyRecord(ec2)).toMatchObject({ service: "ec2", action: "ec2:DescribeSecurityGroups" });
    const subnets =
      "An error occurred (AccessDeniedException) when calling the CreateFunction operation: Your access has been " +
      "denied by EC2, please make sure your request credentials have permission to DescribeSubnets for subnet-0a1b2c3d.";
    expect(onlyRecord(subnets)).toMatchObject({ service: "ec2", action: "ec2:DescribeSubnets" });
  });

  it("reads S3's GetObject on the bucket and key it names, a key with an ARN in its path included", () => {
    const sar =
      'Resource handler returned message: "Your access has been denied by S3, please make sure your request ' +
      "credentials have permission to GetObject for awsserverlessrepo-changesets-plntc6bfnfj/809422076284/" +
      "arn:aws:serverlessrepo:eu-central-1:482117739457:applications-cloudwatch-alarm-to-ms-teams-versions-1.1.8/" +
      "465e2e1c-1c66-417d-9528-0855feae5e55. S3 Error Code: AccessDenied. S3 Error Message: Access Denied (Service: " +
      'Lambda, Status Code: 403, Request ID: 5ad0d383-9cb3-40d9-956c-5dd0035863d7)"';
    expect(onlyRecord(sar)).toMatchObject({
      action: "s3:GetObject",
      resource:
        "arn:aws:s3:::awsserverlessrepo-changesets-plntc6bfnfj/809422076284/arn:aws:serverlessrepo:eu-central-1:" +
        "482117739457:applications-cloudwatch-alarm-to-ms-teams-versions-1.1.8/465e2e1c-1c66-417d-9528-0855feae5e55",
    });
    const code =
      "Your access has been denied by S3, please make sure your request credentials have permission to GetObject " +
      "for my-deploy-bucket/functions/app.zip. S3 Error Code: AccessDenied.";
    expect(onlyRecord(code)).toMatchObject({
      action: "s3:GetObject",
      resource: "arn:aws:s3:::my-deploy-bucket/functions/app.zip",
    });
  });

  it("keeps the function execution role's form as Lambda's missing execution-role permission", () => {
    const text =
      "Your access has been denied by EC2, please make sure your function execution role have permission to " +
      "CreateNetworkInterface";
    expect(onlyRecord(text)).toMatchObject({
      kind: "lambda-role-missing-permission",
      action: "ec2:CreateNetworkInterface",
    });
  });
});
