import { describe, expect, it } from "vitest";
import { parseDenials } from "./index";

function onlyRecord(text: string) {
  const { records } = parseDenials(text);
  expect(records).toHaveLength(1);
  return records[0];
}

describe("parseDenials: refusals in a service's own protocol", () => {
  it("reads MSK IAM authentication's SASL refusal, as each Kafka client words it, as kafka-cluster:Connect", () => {
    for (const text of [
      "[Error 58] SaslAuthenticationFailedError: [cc8333d3-37a9-4bb8-9d5a-1b1127502cad]: Access denied",
      "kafka: client has run out of available brokers to talk to: 3 errors occurred:\n" +
        "  * kafka server: SASL Authentication failed: [...] Access denied\n" +
        "  * kafka server: SASL Authentication failed: [...] Access denied",
      "Access denied: SASL_AUTHENTICATION_FAILED: SASL Authentication failed.",
    ]) {
      expect(onlyRecord(text)).toMatchObject({ service: "kafka-cluster", action: "kafka-cluster:Connect" });
    }
  });

  it("reads OpenSearch fine-grained access control's security_exception as an OpenSearch refusal", () => {
    const text =
      '{"statusCode":403,"error":"Forbidden","message":"no permissions for [indices:data/read/search] and User ' +
      '[name=aicasino, backend_roles=[], requestedTenant=]: security_exception"}';
    expect(onlyRecord(text)).toMatchObject({ service: "es", action: null });
  });

  it("reads IoT Core's NOT_AUTHORIZED CONNACK as a refused iot:Connect", () => {
    const text =
      "ERROR\tCONNACK:Client is not authenticated/authorized to send the message:14e6c214\tRemote endpoint rejected " +
      "the CONNECT attempt by returning an unsuccessful CONNACK\tFailed to connect to AWS IoT Core";
    expect(onlyRecord(text)).toMatchObject({ service: "iot", action: "iot:Connect" });
  });

  it("reads Kinesis Video's KMS_KEY_ACCESS_DENIED fragment ACK as a refused kms:GenerateDataKey", () => {
    const text =
      'returned: {"EventType":"ERROR","FragmentTimecode":1623316156380,"ErrorCode":"KMS_KEY_ACCESS_DENIED","ErrorId":4500}';
    expect(onlyRecord(text)).toMatchObject({ service: "kms", action: "kms:GenerateDataKey" });
  });

  it("reads Greengrass's service-role refusal as Greengrass failing to assume the account's role", () => {
    const text = "greengrass is not authorized to assume the service role associated with this account";
    expect(onlyRecord(text)).toMatchObject({ principal: "greengrass.amazonaws.com", action: "sts:AssumeRole" });
  });

  it("reads Config's organization-only refusal with the operation the wrapper names", () => {
    const text =
      "An error occurred (OrganizationAccessDeniedException) when calling the DescribeOrganizationConformancePacks " +
      "operation: This action can only be made by accounts in an AWS Organization";
    expect(onlyRecord(text)).toMatchObject({ action: "config:DescribeOrganizationConformancePacks" });
  });

  it("reads AWS Backup's job failure with the resource its role could not read", () => {
    const text =
      "Access denied\nYour backup job failed as AWS Backup does not have permission to describe resource " +
      "arn:aws:s3:::prod-backups-20220617. Please review your IAM policies to ensure AWS Backup can protect your resources.";
    expect(onlyRecord(text)).toMatchObject({ service: "s3", resource: "arn:aws:s3:::prod-backups-20220617" });
  });
});

describe("parseDenials: AWS Backup's restore", () => {
  it("reads its refusal to use the Backup role as a missing iam:PassRole, not as EC2's encoded failure", () => {
    const text =
      "You are not authorized to perform this operation. Please consult the permissions associated with your AWS Backup role";
    expect(onlyRecord(text)).toMatchObject({ kind: "generic-denied", action: "iam:PassRole" });
  });
});

describe("parseDenials: Lake Formation's Glue side", () => {
  it("reads GrantPermissions' 'Insufficient Glue permissions to access table' as the caller's glue:GetTable", () => {
    const text =
      "Failed granting principal arn:aws:iam::828200003582:role/datascientist read access to resource link on target " +
      "260000009338://iff_ot_curr_data/asset_hierarchy_metadata due to: An error occurred (AccessDeniedException) when " +
      "calling the GrantPermissions operation: Insufficient Glue permissions to access table asset_hierarchy_metadata";
    expect(onlyRecord(text)).toMatchObject({ service: "glue", action: "glue:GetTable" });
  });
});

describe("parseDenials: denial-looking errors no policy decides", () => {
  it.each([
    [
      "SignatureProblem",
      "HttpResponse(status=403: Forbidden, headers=Headers [x-amzn-errortype=[AccessDeniedException:http://internal.amazon.com/coral/]], body=\n" +
        '{"Message":"Invalid SigV4 credentials."}',
    ],
    [
      "WrongEndpoint",
      "botocore.exceptions.ClientError: An error occurred (403) when calling the GetMedia operation: <AccessDeniedException>\n" +
        "  <Message>Unable to determine service/operation name to be authorized</Message>\n</AccessDeniedException>",
    ],
  ])("names %s instead of a denial", (code, text) => {
    const { records, nonDenials } = parseDenials(text);
    expect(records).toEqual([]);
    expect(nonDenials.map((nonDenial) => nonDenial.code)).toContain(code);
  });
});
