import { z } from "zod";

/** The parts of a CloudTrail record the engine reads; every other field passes through. */
export const cloudTrailRecordSchema = z.looseObject({
  eventSource: z.string(),
  eventName: z.string(),
  eventTime: z.string().optional(),
  eventID: z.string().optional(),
  awsRegion: z.string().optional(),
  errorCode: z.string().nullish(),
  errorMessage: z.string().nullish(),
  recipientAccountId: z.string().optional(),
  userAgent: z.string().optional(),
  /** Network activity events: the VPC endpoint whose policy decided. */
  vpcEndpointId: z.string().optional(),
  /** Only its top-level identifiers are read (lib/iam readRequestValues); the rest passes through. */
  requestParameters: z.unknown().optional(),
  resources: z.array(z.looseObject({ ARN: z.string().optional(), arn: z.string().optional() })).nullish(),
  userIdentity: z
    .looseObject({
      type: z.string().optional(),
      arn: z.string().optional(),
      accountId: z.string().optional(),
      /** A caller's unique id (`AROA…:session`): its prefix tells a role from a user when no ARN is given. */
      principalId: z.string().optional(),
      invokedBy: z.string().optional(),
      /** Web identity and SAML callers: the provider that issued the token, and the token's subject. */
      identityProvider: z.string().optional(),
      userName: z.string().optional(),
      sessionContext: z
        .looseObject({
          sessionIssuer: z.looseObject({ arn: z.string().optional(), userName: z.string().optional() }).optional(),
        })
        .optional(),
    })
    .optional(),
});

export type CloudTrailRecord = z.infer<typeof cloudTrailRecordSchema>;

/** `aws cloudtrail lookup-events` output and the LookupEvents API response. */
export const lookupEventsOutputSchema = z.looseObject({
  Events: z.array(z.looseObject({ CloudTrailEvent: z.string() })),
});

/** A trail log file as CloudTrail delivers it to S3. */
export const trailFileSchema = z.looseObject({ Records: z.array(z.unknown()) });
