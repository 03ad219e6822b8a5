import type { CloudTrailRecord } from "../../parse";

const ACCOUNT = "123456789012";

/** A realistic CloudTrail record of an assumed-role session, denied unless `errorCode` is null. */
export function roleRecord(options: {
  role: string;
  session: string;
  id: string;
  time: string;
  region?: string;
  eventSource?: string;
  eventName?: string;
  errorCode?: string | null;
  errorMessage?: string;
  requestParameters?: Record<string, unknown>;
}): CloudTrailRecord {
  const sessionArn = `arn:aws:sts::${ACCOUNT}:assumed-role/${options.role}/${options.session}`;
  const errorCode = options.errorCode === undefined ? "AccessDenied" : options.errorCode;
  return {
    eventVersion: "1.09",
    eventSource: options.eventSource ?? "kms.amazonaws.com",
    eventName: options.eventName ?? "Decrypt",
    eventTime: options.time,
    eventID: options.id,
    awsRegion: options.region ?? "us-east-1",
    recipientAccountId: ACCOUNT,
    requestParameters: options.requestParameters ?? null,
    ...(errorCode ? { errorCode } : {}),
    ...(errorCode
      ? {
          errorMessage:
            options.errorMessage ??
            `User: ${sessionArn} is not authorized to perform: kms:Decrypt on resource: ` +
              `arn:aws:kms:us-east-1:${ACCOUNT}:key/k-1 because no resource-based policy allows the kms:Decrypt action`,
        }
      : {}),
    userIdentity: {
      type: "AssumedRole",
      arn: sessionArn,
      accountId: ACCOUNT,
      sessionContext: {
        sessionIssuer: { type: "Role", arn: `arn:aws:iam::${ACCOUNT}:role/${options.role}`, userName: options.role },
      },
    },
  };
}
