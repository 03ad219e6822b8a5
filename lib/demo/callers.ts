import { ALICE, DEMO_ACCOUNT, roleArn, type DemoRole, type LambdaRuntime } from "./account";
import type { Caller } from "./records";
import { cloudTrailTime } from "./records";

export function assumedRoleArn(role: DemoRole, session: string): string {
  return `arn:aws:sts::${DEMO_ACCOUNT}:assumed-role/${role.name}/${session}`;
}

/** A role session as CloudTrail shows it: principal, issuing role and session attributes. */
export function assumedRoleCaller(
  role: DemoRole,
  session: string,
  where: {
    accessKeyId: string;
    sessionStartMs: number;
    userAgent: string;
    sourceIPAddress: string;
    viaAwsService?: boolean;
  },
): Caller {
  return {
    userIdentity: {
      type: "AssumedRole",
      principalId: `${role.id}:${session}`,
      arn: assumedRoleArn(role, session),
      accountId: DEMO_ACCOUNT,
      accessKeyId: where.accessKeyId,
      sessionContext: {
        sessionIssuer: {
          type: "Role",
          principalId: role.id,
          arn: roleArn(role),
          accountId: DEMO_ACCOUNT,
          userName: role.name,
        },
        attributes: { creationDate: cloudTrailTime(where.sessionStartMs), mfaAuthenticated: "false" },
      },
    },
    userAgent: where.userAgent,
    sourceIPAddress: where.sourceIPAddress,
    viaAwsService: where.viaAwsService ?? false,
  };
}

/** alice with her access key, or without one when she signs in to the console. */
export function aliceCaller(userAgent: string, options: { withAccessKey: boolean } = { withAccessKey: true }): Caller {
  return {
    userIdentity: {
      type: "IAMUser",
      principalId: ALICE.id,
      arn: ALICE.arn,
      accountId: DEMO_ACCOUNT,
      ...(options.withAccessKey ? { accessKeyId: ALICE.accessKeyId } : {}),
      userName: ALICE.userName,
    },
    userAgent,
    sourceIPAddress: "203.0.113.24",
    viaAwsService: false,
  };
}

/** Lambda itself, e.g. assuming a function's execution role. */
export const LAMBDA_SERVICE: Caller = {
  userIdentity: { type: "AWSService", invokedBy: "lambda.amazonaws.com" },
  userAgent: "lambda.amazonaws.com",
  sourceIPAddress: "lambda.amazonaws.com",
  viaAwsService: true,
};

/** The user agent of a function's SDK calling the API `api` ("kms", "secrets-manager"…). */
export function lambdaSdkAgent(runtime: LambdaRuntime, api: string): string {
  switch (runtime) {
    case "nodejs20.x":
      return `aws-sdk-js/3.637.0 ua/2.1 os/linux#5.10.227-239.884.amzn2.x86_64 lang/js md/nodejs#20.17.0 api/${api}#3.637.0 m/E exec-env/AWS_Lambda_nodejs20.x`;
    case "python3.12":
      return (
        "Boto3/1.34.145 md/Botocore#1.34.145 ua/2.0 os/linux#5.10.227-239.884.amzn2.x86_64 md/arch#x86_64 " +
        "lang/python#3.12.5 md/pyimpl#CPython exec-env/AWS_Lambda_python3.12 cfg/retry-mode#legacy " +
        "Botocore/1.34.145"
      );
    case "provided.al2023":
      return `aws-sdk-go-v2/1.30.3 ua/2.0 os/linux lang/go#1.22.5 md/GOOS#linux md/GOARCH#amd64 api/${api}#1.32.3 exec-env/AWS_Lambda_provided.al2023`;
  }
}

export const CLI_AGENT =
  "aws-cli/2.17.20 md/awscrt#0.20.11 ua/2.0 os/linux#6.5.0-1025-azure md/arch#x86_64 " +
  "lang/python#3.11.9 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe md/distrib#ubuntu.22 " +
  "md/prompt#off";
export const BROWSER_AGENT =
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36";
