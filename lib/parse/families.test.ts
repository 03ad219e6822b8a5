import { describe, expect, it } from "vitest";
import { parseDenials } from "./index";

/** The one record a text gives (the test fails when it gives none or several). */
function onlyRecord(text: string) {
  const { records } = parseDenials(text);
  expect(records).toHaveLength(1);
  return records[0];
}

function nonDenialCodes(text: string): string[] {
  const { records, nonDenials } = parseDenials(text);
  expect(records).toEqual([]);
  return nonDenials.map((nonDenial) => nonDenial.code);
}

describe("parseDenials: refusals that are not IAM's sentence", () => {
  it("reads S3's ACLs-off refusal as an S3 denial, whatever the SDK wraps it in", () => {
    for (const text of [
      "upload failed: AccessControlListNotSupported: The bucket does not allow ACLs\n    at Request.extractError (s3.js:1:1)",
      "An error occurred (AccessControlListNotSupported) when calling the PutObject operation: The bucket does not allow ACLs",
    ]) {
      expect(onlyRecord(text)).toMatchObject({ service: "s3", kind: "generic-denied" });
    }
  });

  it("reads API Gateway's authorizer Deny body as a refused execute-api:Invoke", () => {
    const text =
      'HTTP/2 403\ncontent-type: application/json\n\n{"message":"User is not authorized to access this resource"}';
    expect(onlyRecord(text)).toMatchObject({ service: "execute-api", action: "execute-api:Invoke" });
  });

  it("reads kubectl's EKS login failure, named after the get-caller-identity pasted with it", () => {
    const identity =
      '{\n  "UserId": "AROAEXAMPLEID:ci",\n  "Account": "210987654321",\n' +
      '  "Arn": "arn:aws:sts::210987654321:assumed-role/deployer/ci"\n}';
    const record = onlyRecord(
      `${identity}\n$ kubectl get pods\nerror: You must be logged in to the server (Unauthorized)`,
    );
    expect(record).toMatchObject({ service: "eks", principal: "arn:aws:sts::210987654321:assumed-role/deployer/ci" });
    const bare = onlyRecord(
      "E0101 kubectl: You must be logged in to the server (the server has asked for the client to provide credentials)",
    );
    expect(bare).toMatchObject({ service: "eks", principal: null });
  });

  it("reads Cognito's role-configuration error as the pool failing to assume its role", () => {
    expect(
      onlyRecord(
        "InvalidIdentityPoolConfigurationException: Invalid identity pool configuration. Check assigned IAM roles for this pool.",
      ),
    ).toMatchObject({ action: "sts:AssumeRoleWithWebIdentity", principal: "cognito-identity.amazonaws.com" });
  });

  it("reads the JavaScript SDK v2's bare `code: 'Forbidden'` of another client as a 403 naming no call", () => {
    const chime =
      "at Request.<anonymous> (node_modules\\aws-sdk\\lib\\request.js:688:12) {\n  code: 'Forbidden',\n" +
      "  time: 2022-05-19T10:36:18.739Z,\n  statusCode: 403,\n  retryable: false\n}";
    expect(onlyRecord(chime)).toMatchObject({ kind: "http-forbidden", service: null, action: null });
  });

  it("reads the JavaScript SDK v2's body-less S3 403 and the Java SDK v2's 'Access denied (Service: …'", () => {
    const js = "Error: head failed\n{ [Forbidden: null]\n  message: null,\n  code: 'Forbidden',\n  statusCode: 403 }";
    expect(onlyRecord(js)).toMatchObject({ kind: "http-forbidden", service: "s3", action: "s3:GetObject" });
    const java =
      "software.amazon.awssdk.services.sts.model.StsException: Access denied (Service: Sts, Status Code: 403, Request ID: 1f)";
    expect(onlyRecord(java)).toMatchObject({ kind: "generic-denied", service: "sts" });
  });

  it("reads EC2's VM export bucket-ACL failure from a CloudTrail record", () => {
    const record = {
      eventVersion: "1.08",
      userIdentity: { type: "IAMUser", arn: "arn:aws:iam::222233334444:user/ops", accountId: "222233334444" },
      eventTime: "2025-05-01T10:00:00Z",
      eventSource: "ec2.amazonaws.com",
      eventName: "CreateInstanceExportTask",
      awsRegion: "us-west-2",
      errorCode: "Client.AuthFailure",
      errorMessage: "vm-import-export@amazon.com must have WRITE and READ_ACL permission on the S3 bucket.",
      eventID: "e1",
    };
    expect(onlyRecord(JSON.stringify(record))).toMatchObject({
      service: "ec2",
      action: "ec2:CreateInstanceExportTask",
    });
  });

  it("reads Organizations' refusal with the operation's action, its apostrophe escaped or not", () => {
    for (const apostrophe of ["'", "\\'"]) {
      const text =
        "An error occurred (AccessDeniedException) when calling the DescribeOrganization operation: " +
        `You don${apostrophe}t have permissions to access this resource.`;
      expect(onlyRecord(text)).toMatchObject({
        service: "organizations",
        action: "organizations:DescribeOrganization",
      });
    }
  });
});

describe("parseDenials: failures that are no denial at all", () => {
  it("names API Gateway's Missing Authentication Token, and the unsigned Lambda Invoke apart from it", () => {
    expect(
      nonDenialCodes(
        'x-amzn-ErrorType: MissingAuthenticationTokenException\n\n{"message":"Missing Authentication Token"}',
      ),
    ).toEqual(["MissingAuthenticationToken"]);
    const invoke =
      'HTTP 403 returned for "https://lambda.eu-west-1.amazonaws.com/2015-03-31/functions/orders-api/invocations".\n' +
      "  Message: Missing Authentication Token\n  Type:    MissingAuthenticationTokenException";
    expect(nonDenialCodes(invoke)).toEqual(["UnsignedRequest"]);
  });

  it("names Cognito's guest refusal and Account Management's standalone-context refusal", () => {
    expect(
      nonDenialCodes("NotAuthorizedException: Unauthenticated access is not supported for this identity pool."),
    ).toEqual(["IdentityPoolGuestAccess"]);
    const account =
      "User: arn:aws:iam::111122223333:user/admin is not authorized to perform: account: GetAlternateContact (The management " +
      "account can only be managed using the standalone context from the management account)";
    expect(nonDenialCodes(account)).toEqual(["ManagementAccountContext"]);
  });

  it("takes an AccessDeniedException whose message says the token expired for the expired token", () => {
    const text =
      '{"code":"AccessDeniedException","requestId":"r-1","detailedMessage":"The security token included in the request is expired"}';
    expect(nonDenialCodes(text)).toEqual(["ExpiredToken"]);
  });
});

describe("parseDenials: reading what the text gives", () => {
  it("reads the Go SDK's operation and KMS's opaque phrase across a log viewer's wrapped, piped lines", () => {
    const text = [
      "  | decrypt failed: operation",
      "  | error KMS: Decrypt, https response error StatusCode: 400, RequestID: 9a, api error",
      "  | AccessDeniedException: The ciphertext refers to a customer",
      "  | master key that does not exist, does not exist in this region, or you are not allowed to access.",
    ].join("\n");
    expect(onlyRecord(text)).toMatchObject({ kind: "kms-opaque", action: "kms:Decrypt", operation: "Decrypt" });
  });

  it("keeps the phrase that names the action when a bare AccessDeniedException stands on the line above", () => {
    const text =
      'status: "could not read secret db: AccessDeniedException:\n   Access to KMS is not allowed\n status code: 400"';
    expect(onlyRecord(text)).toMatchObject({ action: "kms:Decrypt" });
  });

  it("reads PynamoDB's wording: the operation and the table between the code and it", () => {
    const text =
      "An error occurred (AccessDeniedException) on request (RQ1) on table (orders-prod) when calling the GetItem operation:";
    expect(onlyRecord(text)).toMatchObject({ action: "dynamodb:GetItem", resource: "orders-prod" });
  });

  it("counts a Lambda error's own code below the KMS sentence it quotes as the same denial", () => {
    const sentence =
      "User: arn:aws:sts::123456789012:assumed-role/fn-role/fn is not authorized to perform: kms:Decrypt on resource: " +
      "arn:aws:kms:us-east-1:123456789012:key/k1 because no resource-based policy allows the kms:Decrypt action";
    const cause = `Lambda was unable to decrypt the environment variables because KMS access was denied. KMS Message: ${sentence}`;
    const text = `{\n  "cause": "${cause}",\n  "error": "Lambda.KMSAccessDeniedException"\n}`;
    expect(onlyRecord(text)).toMatchObject({
      kind: "lambda-env-kms",
      principal: "arn:aws:sts::123456789012:assumed-role/fn-role/fn",
    });
  });

  it("keeps the caller and the secret of a Terraform error cut off after 'User: arn:…'", () => {
    const text =
      "Error: reading Secrets Manager Secret (arn:aws:secretsmanager:eu-west-1:123456789012:secret:app/db-Ab12Cd) policy: " +
      "AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/ci/session-1";
    expect(onlyRecord(text)).toMatchObject({
      action: "secretsmanager:GetResourcePolicy",
      principal: "arn:aws:sts::123456789012:assumed-role/ci/session-1",
      resource: "arn:aws:secretsmanager:eu-west-1:123456789012:secret:app/db-Ab12Cd",
    });
  });

  it("reads the table of a Lake Formation refusal, on its line or wrapped onto the next", () => {
    for (const text of [
      "AccessDeniedException: Insufficient Lake Formation permission(s) on web_events (Service: Glue, Status Code: 400)",
      "AccessDeniedException: Insufficient Lake Formation permission(s) \non web_events (Service: Glue, Status Code: 400)",
    ]) {
      expect(onlyRecord(text)).toMatchObject({ kind: "lake-formation", resource: "web_events" });
    }
  });

  it("takes the one ARN of the denied service a bare denial's line names as its resource", () => {
    const text = "AccessDenied: Access Denied status code: 403 for source version arn:aws:s3:::artifacts-1/app/src.zip";
    expect(onlyRecord(text)).toMatchObject({ service: "s3", resource: "arn:aws:s3:::artifacts-1/app/src.zip" });
    const two = "AccessDenied: Access Denied copying arn:aws:s3:::a/k to arn:aws:s3:::b/k";
    expect(onlyRecord(two)?.resource).toBeNull();
  });

  it("keeps the ellipsis of a role name a log cut short, so it is not taken for the whole name", () => {
    const text =
      "AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/BuildStack-ContainerRoleA1B2...  is not " +
      "authorized to perform: ecr:GetAuthorizationToken on resource: *";
    expect(onlyRecord(text)?.principal).toBe("arn:aws:sts::123456789012:assumed-role/BuildStack-ContainerRoleA1B2...");
  });

  it("keeps ARNs whole around a writer's placeholders of several words", () => {
    const text =
      "User: arn:aws:sts::<<account id>>:assumed-role/<<role name>>/s1 is not authorized to perform: s3:GetObject on " +
      "resource: arn:aws:s3:::<my bucket name>/k because no identity-based policy allows the s3:GetObject action";
    expect(onlyRecord(text)).toMatchObject({
      principal: "arn:aws:sts::<<account-id>>:assumed-role/<<role-name>>/s1",
      resource: "arn:aws:s3:::<my-bucket-name>/k",
    });
    const braced =
      "SqsException: User: {the user ARN} is not authorized to perform: sqs:createqueue on resource: {the queue ARN} " +
      "because no identity-based policy allows the sqs:createqueue action";
    expect(onlyRecord(braced)).toMatchObject({ principal: "{the-user-ARN}", resource: "{the-queue-ARN}" });
  });

  it("reads the service of an action a writer hid behind a placeholder, and the caller before it", () => {
    const text =
      '"User: arn:aws:sts::xxxxxxxxxxxxx:assumed-role/xxxxxxxxxx/CognitoIdentityCredentials is not authorized to perform: transcribe:<action>"';
    expect(onlyRecord(text)).toMatchObject({
      service: "transcribe",
      action: null,
      principal: "arn:aws:sts::xxxxxxxxxxxxx:assumed-role/xxxxxxxxxx/CognitoIdentityCredentials",
    });
  });

  it("reads an IAM ARN an autocorrect turned into arn:aws:I am:", () => {
    const text =
      "api error AccessDeniedException: User: arn:aws:I am::123456789012:user/s3-iam is not authorized to perform: " +
      "ssm:GetParameter on resource: arn:aws:ssm:eu-west-2:123456789012:parameter/sst/bootstrap";
    expect(onlyRecord(text)?.principal).toBe("arn:aws:iam::123456789012:user/s3-iam");
  });
});

describe("parseDenials: denials in a service's or tool's own words, where IAM is still the layer", () => {
  it("reads CDK's failed assume of its bootstrap role as a denied sts:AssumeRole on that role", () => {
    expect(
      onlyRecord(
        "current credentials could not be used to assume " +
          "'arn:aws:iam::123456789012:role/cdk-hnb659fds-deploy-role-123456789012-us-east-1', but are for the right account.",
      ),
    ).toMatchObject({
      action: "sts:AssumeRole",
      resource: "arn:aws:iam::123456789012:role/cdk-hnb659fds-deploy-role-123456789012-us-east-1",
    });
  });

  it("says an environment CDK never bootstrapped is the cause, not a policy", () => {
    const text =
      "current credentials could not be used to assume " +
      "'arn:aws:iam::123456789012:role/cdk-hnb659fds-deploy-role-123456789012-us-east-1', but are for the right account.\n" +
      "Stack: SSM parameter /cdk-bootstrap/hnb659fds/version not found. Has the environment been bootstrapped? Please run 'cdk bootstrap'";
    expect(nonDenialCodes(text)).toEqual(["CdkNotBootstrapped"]);
  });

  it("reads the EFS mount helper's refusal as elasticfilesystem:ClientMount", () => {
    expect(
      onlyRecord(
        "ERROR - Failed to mount fs-0123.efs.us-east-1.amazonaws.com at /mnt: returncode=32, " +
          'stderr="mount.nfs4: access denied by server while mounting 127.0.0.1:/"',
      ),
    ).toMatchObject({ service: "elasticfilesystem", action: "elasticfilesystem:ClientMount" });
  });

  it("reads Lake Formation's own 'Access is not allowed' as a Lake Formation refusal", () => {
    expect(
      onlyRecord(
        "software.amazon.awssdk.services.lakeformation.model.AccessDeniedException: Access is not allowed. " +
          "(Service: LakeFormation, Status Code: 400, Request ID: 1)",
      ),
    ).toMatchObject({ kind: "lake-formation" });
  });

  it("reads Step Functions' managed-rule refusal as the state machine role's events:PutRule", () => {
    expect(
      onlyRecord(
        "'arn:aws:iam::123456789012:role/sfn-role' is not authorized to create managed-rule. " +
          "(Service: AWSStepFunctions; Status Code: 400; Error Code: AccessDeniedException)",
      ),
    ).toMatchObject({ action: "events:PutRule", principal: "arn:aws:iam::123456789012:role/sfn-role" });
  });

  it("reads AppSync's GraphQL authorization errors as appsync:GraphQL", () => {
    for (const text of [
      "{ errorType: 'UnauthorizedException', message: 'Permission denied' }",
      '{"errors":[{"errorType":"Unauthorized","message":"Not Authorized to access listTodos on type Query"}]}',
    ]) {
      expect(onlyRecord(text)).toMatchObject({ service: "appsync", action: "appsync:GraphQL" });
    }
  });

  it("reads a pipe's refused target as the call its role makes on that target", () => {
    expect(
      onlyRecord(
        '"message": "Target invocation failed with error from States. ' +
          'Not allowed to invoke arn:aws:states:eu-central-1:123456789012:stateMachine:orders.",',
      ),
    ).toMatchObject({
      action: "states:StartExecution",
      resource: "arn:aws:states:eu-central-1:123456789012:stateMachine:orders",
    });
  });

  it("reads SageMaker's image check as the model role's ECR pull", () => {
    expect(
      onlyRecord(
        "Please make sure all images included in the model for the production variant variant-1 exist, " +
          "and that the execution role used to create the model has permissions to access them.",
      ),
    ).toMatchObject({ service: "ecr", action: "ecr:BatchGetImage" });
  });

  it("reads the caller Route 53's body names, and the call from the SDK's wrapper", () => {
    expect(
      onlyRecord(
        'Error executing "ChangeResourceRecordSets" on "https://route53.amazonaws.com/2013-04-01/hostedzone/Z38NKT9BP95V3O/rrset/"; ' +
          "AWS HTTP error: Client error: `POST https://route53.amazonaws.com/2013-04-01/hostedzone/Z38NKT9BP95V3O/rrset/` resulted " +
          "in a `403 Forbidden` response: Sender SenderAccessDeniedUser: arn:aws:iam::457910130955:user/ is not authorized to access this resource",
      ),
    ).toMatchObject({ action: "route53:ChangeResourceRecordSets", principal: "arn:aws:iam::457910130955:user/" });
  });

  it("reads StackSets' trust refusal as the execution role not trusting the administration role", () => {
    expect(
      onlyRecord(
        "Account 111111111111 should have 'AWSCloudFormationStackSetExecutionRole' role with trust relationship to Role " +
          "'AWSCloudFormationStackSetAdministrationRole'.",
      ),
    ).toMatchObject({
      action: "sts:AssumeRole",
      resource: "arn:aws:iam::111111111111:role/AWSCloudFormationStackSetExecutionRole",
      principal: "arn:aws:iam::<ADMINISTRATOR_ACCOUNT_ID>:role/AWSCloudFormationStackSetAdministrationRole",
    });
  });

  it("reads a service refused the role it runs as by that role's trust policy", () => {
    expect(
      onlyRecord("The execution role you provide must allow AWS EventBridge Scheduler to assume the role."),
    ).toMatchObject({ action: "sts:AssumeRole", principal: "scheduler.amazonaws.com" });
    expect(
      onlyRecord("Role arn:aws:iam::123456789012:role/cfn-deployer is invalid or cannot be assumed"),
    ).toMatchObject({
      principal: "cloudformation.amazonaws.com",
      resource: "arn:aws:iam::123456789012:role/cfn-deployer",
    });
  });

  it("reads ECS's secret pull as the task execution role's secretsmanager:GetSecretValue on that secret", () => {
    expect(
      onlyRecord(
        "ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: " +
          "unable to retrieve secret from asm: service call has been retried 1 time(s): failed to fetch secret " +
          "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf from secrets manager: AccessDeniedException",
      ),
    ).toMatchObject({
      action: "secretsmanager:GetSecretValue",
      resource: "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf",
    });
  });

  it("reads AWS Config's delivery refusal as the bucket policy, which the message names", () => {
    expect(
      onlyRecord(
        "InsufficientDeliveryPolicyException: Your Amazon S3 bucket policy does not permit AWS Config to write to it.",
      ),
    ).toMatchObject({ action: "s3:PutObject", principal: "config.amazonaws.com", statedPolicyType: "resource-based" });
  });

  it("reads a missing service-linked role as the caller's iam:CreateServiceLinkedRole", () => {
    expect(
      onlyRecord(
        "Service-linked role 'AWSServiceRoleForEMRCleanup' for EMR is required. Please create this role directly or " +
          "add permission to create it in IAM entity",
      ),
    ).toMatchObject({ action: "iam:CreateServiceLinkedRole" });
  });

  it("reads the EKS console's refusal as EKS cluster access", () => {
    expect(
      onlyRecord("Your current IAM principal doesn't have access to Kubernetes objects on this cluster"),
    ).toMatchObject({ service: "eks" });
  });

  it("says what Security Hub's and Bedrock's refusals need instead of a policy", () => {
    expect(
      nonDenialCodes("InvalidAccessException: Account 123123123123 is not subscribed to AWS Security Hub"),
    ).toEqual(["SecurityHubNotEnabled"]);
    expect(
      nonDenialCodes("InvalidAccessException: Account <REDACTED> is not an administrator for this organization"),
    ).toEqual(["NotDelegatedAdministrator"]);
    expect(nonDenialCodes("AccessDeniedException: Access to the model is denied.")).toEqual(["BedrockModelAccess"]);
  });
});
