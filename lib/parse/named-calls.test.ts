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

describe("parseDenials: the call an SDK or tool names around a bare denial", () => {
  it("reads Hadoop S3A's getFileStatus as a body-less HEAD of the object its s3a:// URL names", () => {
    const text =
      "java.nio.file.AccessDeniedException: s3a://coiled-runtime-ci/tpch_scale_100/lineitem/part.765.parquet: " +
      "getFileStatus on s3a://coiled-runtime-ci/tpch_scale_100/lineitem/part.765.parquet: " +
      "com.amazonaws.services.s3.model.AmazonS3Exception: Forbidden (Service: Amazon S3; Status Code: 403; " +
      "Error Code: 403 Forbidden; Request ID: JKG9XPAYKWF912MY; Proxy: null):403 Forbidden\n" +
      "\tat org.apache.hadoop.fs.s3a.S3AUtils.translateException(S3AUtils.java:255)";
    expect(onlyRecord(text)).toMatchObject({
      kind: "http-forbidden",
      service: "s3",
      operation: "HeadObject",
      action: "s3:GetObject",
      resource: "arn:aws:s3:::coiled-runtime-ci/tpch_scale_100/lineitem/part.765.parquet",
    });
  });

  it("reads Java SDK v2's code-less 403 (Service: S3, Status Code: 403, Request ID) as S3's", () => {
    const text =
      "ERROR hive.log - Got exception: java.nio.file.AccessDeniedException s3a://s3ag-pentests-us-east-1/s3ag-test/no-permission/student: " +
      "getFileStatus on s3a://s3ag-pentests-us-east-1/s3ag-test/no-permission/student: " +
      "software.amazon.awssdk.services.s3.model.S3Exception: null (Service: S3, Status Code: 403, Request ID: 4WNMHR9SQBTJN1EH, " +
      "Extended Request ID: tJuQcHQCBzwLWd6IerngFKdAdz4klNAAi7ufUgZURgJiVMJjYmG7CeBYD+XSMT9moQzk1B4L1Ls=):null";
    expect(onlyRecord(text)).toMatchObject({
      service: "s3",
      sourceFormat: "sdk-java",
      action: "s3:GetObject",
      resource: "arn:aws:s3:::s3ag-pentests-us-east-1/s3ag-test/no-permission/student",
    });
  });

  it("reads the .NET SDK's body-less 403 as an S3 denial", () => {
    const text =
      "AmazonS3Client 312|2024-04-08T22:57:46.393Z|ERROR|Received error response: [] --> Amazon.S3.AmazonS3Exception: " +
      "Error making request with Error Code Forbidden and Http Status Code Forbidden. No further error information was returned by the service.";
    expect(onlyRecord(text)).toMatchObject({ service: "s3", errorCode: "Forbidden", kind: "generic-denied" });
  });

  it("reads the operation from a Ruby SDK v1 trace's eval frame", () => {
    const text =
      "/Library/Ruby/Gems/2.0.0/gems/aws-sdk-1.51.0/lib/aws/core/client.rb:375:in `return_or_raise': Access Denied (AWS::S3::Errors::AccessDenied)\n" +
      "    from /Library/Ruby/Gems/2.0.0/gems/aws-sdk-1.51.0/lib/aws/core/client.rb:476:in `client_request'\n" +
      "    from (eval):3:in `get_bucket_website'\n" +
      "    from /Library/Ruby/Gems/2.0.0/gems/aws-sdk-1.51.0/lib/aws/s3/bucket.rb:303:in `website_configuration'";
    expect(onlyRecord(text)).toMatchObject({ service: "s3", action: "s3:GetBucketWebsite", errorCode: "AccessDenied" });
  });

  it("reads the operation and client from a JavaScript SDK v3 deserializer frame", () => {
    const text = [
      "{",
      '    "errorType": "AccessDenied",',
      '    "errorMessage": "Access Denied",',
      '    "Code": "AccessDenied",',
      '    "$metadata": {',
      '        "httpStatusCode": 403',
      "    },",
      '    "stack": [',
      '        "AccessDenied: Access Denied",',
      '        "    at null.deserializeAws_restXmlPutObjectTaggingCommandError (/node_modules/@aws-sdk/client-s3/protocols/Aws_restXml.ts:9518:39)",',
    ].join("\n");
    expect(onlyRecord(text)).toMatchObject({ service: "s3", action: "s3:PutObjectTagging" });
    const newer =
      "AccessDenied: Access Denied\n    at de_GetObjectCommandError (/var/task/node_modules/@aws-sdk/client-s3/dist-cjs/index.js:1:1)";
    expect(onlyRecord(newer)).toMatchObject({ service: "s3", action: "s3:GetObject" });
  });

  it("reads PHP's Error executing with the bucket in the path or in the host", () => {
    const pathStyle =
      'Aws\\S3\\Exception\\S3Exception: Error executing "PutObject" on "https://s3-eu-west-1.amazonaws.com/my.bucket/test.txt"; ' +
      "AWS HTTP error: Client error: 403 AccessDenied (client): Access Denied";
    expect(onlyRecord(pathStyle)).toMatchObject({
      service: "s3",
      action: "s3:PutObject",
      resource: "arn:aws:s3:::my.bucket/test.txt",
      errorCode: "AccessDenied",
    });
    const hostStyle =
      '{"class":"Aws\\\\S3\\\\Exception\\\\S3Exception","message":"Error executing \\"CreateBucket\\" on ' +
      '\\"https:\\/\\/torquest-backup.s3.ca-central-1.amazonaws.com\\/\\"; AWS HTTP error: Client error: ' +
      "`PUT https:\\/\\/torquest-backup.s3.ca-central-1.amazonaws.com\\/` resulted in a `403 Forbidden` response:\\n" +
      '<?xml version=\\"1.0\\" encoding=\\"UTF-8\\"?>\\n<Error><Code>AccessDenied<\\/Code><Message>Access Denied<\\/Message>' +
      "<RequestId>RCZ64S (truncated...)\\n AccessDenied (client): Access Denied - " +
      '<?xml version=\\"1.0\\" encoding=\\"UTF-8\\"?>\\n<Error><Code>AccessDenied<\\/Code><Message>Access Denied<\\/Message>' +
      '<RequestId>RCZ64SDWRRMBDXXN<\\/RequestId><\\/Error>","line":195}';
    expect(onlyRecord(hostStyle)).toMatchObject({
      service: "s3",
      action: "s3:CreateBucket",
      resource: "arn:aws:s3:::torquest-backup",
      region: "ca-central-1",
    });
  });

  it("reads a Route 53 call's hosted zone from PHP's request URL, when only the 403 status names the denial", () => {
    const text =
      'Error executing "ChangeResourceRecordSets" on "https://route53.amazonaws.com/2013-04-01/hostedzone/Z38NKT9BP95V3O/rrset/"; ' +
      "AWS HTTP error: Client error: `POST https://route53.amazonaws.com/2013-04-01/hostedzone/Z38NKT9BP95V3O/rrset/` resulted in a " +
      "`403 Forbidden` response: Sender SenderAccessDeniedUser: arn:aws:iam::457910130955:user/ is not authorized to access this resource";
    expect(onlyRecord(text)).toMatchObject({
      service: "route53",
      action: "route53:ChangeResourceRecordSets",
      resource: "arn:aws:route53:::hostedzone/Z38NKT9BP95V3O",
    });
  });

  it("reads cdk-assets' failed call with its bucket", () => {
    const text =
      '[13:17:48] Call failed: getBucketLocation({"Bucket":"cdk-hnb659fds-assets-162234902838-us-east-1"}) => Access Denied (code=AccessDenied)';
    expect(onlyRecord(text)).toMatchObject({
      service: "s3",
      action: "s3:GetBucketLocation",
      resource: "arn:aws:s3:::cdk-hnb659fds-assets-162234902838-us-east-1",
      errorCode: "AccessDenied",
    });
  });

  it("reads Velero's error putting object as an S3 PutObject", () => {
    const text =
      'time="2023-04-05T16:47:23Z" level=error msg="backup failed" controller=backup error="rpc error: code = Unknown desc = ' +
      "error putting object backups/velero-clients-document-mongodb-uat-20230405164545/velero-backup.json: AccessDenied: Access Denied" +
      '\\n\\tstatus code: 403, request id: VMR0P517BVGX8KTN" logSource="pkg/controller/backup_controller.go:300"';
    expect(onlyRecord(text)).toMatchObject({ service: "s3", action: "s3:PutObject" });
  });

  it("keeps the C++ SDK's putting and getting errors as two denials, each with its S3 call", () => {
    const { records } = parseDenials(
      "Error while putting Object AccessDenied Access Denied\nError while getting object AccessDenied Access Denied\n" +
        "Segmentation fault (core dumped)",
    );
    expect(records.map((record) => record.action)).toEqual(["s3:PutObject", "s3:GetObject"]);
  });

  it("keeps each of Ansible's inventory listings as its own denial, with the call it names", () => {
    const { records } = parseDenials(
      'RDS: `ERROR: Inventory script (ec2.py) had an execution error: ERROR: "Forbidden", while: getting RDS instances`\n' +
        'EC2: `ERROR: Inventory script (ec2.py) had an execution error: ERROR: "Error connecting to AWS backend.\n' +
        'You are not authorized to perform this operation.", while: getting EC2 instances`\n' +
        'ElastiCache: `ERROR: Inventory script (ec2.py) had an execution error: ERROR: "Forbidden", while: getting ElastiCache clusters`',
    );
    expect(records.map((record) => record.action)).toEqual([
      "rds:DescribeDBInstances",
      "ec2:DescribeInstances",
      "elasticache:DescribeCacheClusters",
    ]);
  });

  it("reads the EB CLI's api call and bucket logged on the line before the AccessDenied response", () => {
    const text =
      "(DEBUG) ebcli.lib.aws : Making api call: (s3, list_multipart_uploads) to region: us-east-2 with args:" +
      "{'Bucket': 'elasticbeanstalk-us-east-2-391516812325', 'Prefix': 'app-a5b63-210319_205406.zip'}\n" +
      "(DEBUG) ebcli.lib.aws : Response: {'Error': {'Code': 'AccessDenied', 'Message': 'Access Denied'}, " +
      "'ResponseMetadata': {'HTTPStatusCode': 403}}";
    expect(onlyRecord(text)).toMatchObject({
      action: "s3:ListBucketMultipartUploads",
      resource: "arn:aws:s3:::elasticbeanstalk-us-east-2-391516812325",
    });
  });

  it("reads the create call of the resource a Terraform 0.11 address names before the provider's bare code", () => {
    const text =
      "* aws_efs_mount_target.fgw-shared-filesystem-moun-target: AccessDeniedException: " +
      "User is not authorized to perform that action on the specified resource\n" +
      "        status code: 403, request id: 35027496-9f9b-11e7-b53e-45fe21728a81";
    expect(onlyRecord(text)).toMatchObject({
      service: "elasticfilesystem",
      action: "elasticfilesystem:CreateMountTarget",
      sourceFormat: "terraform",
    });
  });

  it("reads the old provider's Error creating API Gateway as CreateRestApi, apigateway:POST", () => {
    const text =
      "error: Error creating API Gateway: AccessDeniedException: \n\tstatus code: 403, request id: xxxd7e62-cf5e-xxx5-a4f5-a7f00af4exxx";
    expect(onlyRecord(text)).toMatchObject({
      service: "apigateway",
      operation: "CreateRestApi",
      action: "apigateway:POST",
    });
  });

  it("reads Fluent Bit's refused call, with the log group it names on the line before", () => {
    const text = [
      "[2021/05/12 19:36:11] [ info] [output:cloudwatch_logs:cloudwatch_logs.0] Creating log group /aws/containerinsights/cluster-name/application",
      "[2021/05/12 19:36:11] [error] [output:cloudwatch_logs:cloudwatch_logs.0] CreateLogGroup API responded with error='AccessDeniedException'",
      "[2021/05/12 19:36:11] [error] [output:cloudwatch_logs:cloudwatch_logs.0] Failed to create log group",
      "[2021/05/12 19:36:11] [ info] [output:cloudwatch_logs:cloudwatch_logs.1] Creating log group /aws/containerinsights/cluster-name/dataplane",
      "[2021/05/12 19:36:11] [error] [output:cloudwatch_logs:cloudwatch_logs.1] CreateLogGroup API responded with error='AccessDeniedException'",
    ].join("\n");
    const { records } = parseDenials(text);
    expect(records.map(({ action, resource, errorCode }) => ({ action, resource, errorCode }))).toEqual([
      {
        action: "logs:CreateLogGroup",
        resource: "/aws/containerinsights/cluster-name/application",
        errorCode: "AccessDeniedException",
      },
      {
        action: "logs:CreateLogGroup",
        resource: "/aws/containerinsights/cluster-name/dataplane",
        errorCode: "AccessDeniedException",
      },
    ]);
  });

  it("reads the call from a CloudTrail record's eventSource and eventName pasted as loose lines", () => {
    const text = [
      '"eventSource": "ec2.amazonaws.com",',
      '    "eventName": "CreateFleet",',
      '    "awsRegion": "us-east-1",',
      '    "sourceIPAddress": "elasticmapreduce.amazonaws.com",',
      '    "errorCode": "Client.UnauthorizedOperation",',
      '    "errorMessage": "You are not authorized to perform this operation. Encoded authorization failure message: F02XfWhIkobgoHSYY8QAcqgb8Gwd",',
    ].join("\n");
    expect(onlyRecord(text)).toMatchObject({ service: "ec2", action: "ec2:CreateFleet", region: "us-east-1" });
  });

  it.each([
    [
      '{"message":"SQS receive message failed: Access to the resource https://sqs.eu-west-1.amazonaws.com/ is denied.","level":"error"}',
      "sqs:ReceiveMessage",
    ],
    ["Error: SQS delete message batch failed: AccessDenied: Access to the resource is denied.", "sqs:DeleteMessage"],
    [
      "StorageException(message: Something went wrong with your AWS S3 Storage upload file operation, underlyingException: " +
        "com.amazonaws.services.s3.model.AmazonS3Exception: Access Denied (Service: Amazon S3; Status Code: 403; " +
        "Error Code: AccessDenied; Request ID: XEGAQR32M4SQ81CT)",
      "s3:PutObject",
    ],
    [
      "StorageException(message: Something went wrong with your AWS S3 Storage download file operation, underlyingException: AccessDenied",
      "s3:GetObject",
    ],
    [
      "* aws_s3_bucket.some_bucket: Error putting S3 ACL: AccessDenied: Access Denied\n\tstatus code: 403",
      "s3:PutBucketAcl",
    ],
    ["* aws_s3_bucket.logs: Error putting S3 lifecycle: AccessDenied: Access Denied", "s3:PutLifecycleConfiguration"],
  ])("reads the call a library or tool names in its own words: %s", (text, action) => {
    expect(onlyRecord(text)).toMatchObject({ action });
  });

  it("reads Copilot's upload of a key to a bucket as PutObject on that object", () => {
    const text =
      '> ✘ upload deploy resources for job testjob: upload custom resource "EnvControllerFunction": upload ' +
      "manual/scripts/envcontrollerfunction/3ffc.zip to bucket somebucketname: AccessDenied: Access Denied";
    expect(onlyRecord(text)).toMatchObject({
      action: "s3:PutObject",
      resource: "arn:aws:s3:::somebucketname/manual/scripts/envcontrollerfunction/3ffc.zip",
    });
  });
});

describe("parseDenials: S3 403s that no AWS policy decides", () => {
  it("names an object or bucket AWS disabled", () => {
    const text =
      "An error occurred while trying to refresh the directory table: Failure using stage area. " +
      "Cause: [All access to this object has been disabled (Status Code: 403; Error Code: AllAccessDisabled)]";
    expect(nonDenialCodes(text)).toEqual(["AllAccessDisabled"]);
  });

  it("names an S3-compatible store that is not AWS (Cloudflare R2)", () => {
    const text =
      'Aws\\S3\\Exception\\S3Exception: Error executing "ListObjects" on ' +
      '"https://[BUCKET_NAME].[CF_ACCOUNT_CODE].r2.cloudflarestorage.com/?prefix=%2Ftemp%2F"; AWS HTTP error: Client error: ' +
      "`GET https://[BUCKET_NAME].[CF_ACCOUNT_CODE].r2.cloudflarestorage.com/?prefix=%2Ftemp%2F` resulted in a `403 Forbidden` response:\n" +
      '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>';
    expect(nonDenialCodes(text)).toEqual(["NotAwsEndpoint"]);
  });
});
