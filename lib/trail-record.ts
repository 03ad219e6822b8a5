import { z } from "zod";

/**
 * Reads a CloudTrail `eventTime`: ISO-8601 as trail files write it ("2026-11-23T08:15:02Z"), and the
 * "2026-11-23 08:15:02.000" form some exports use. Returns epoch milliseconds, or NaN when unreadable.
 */
export function parseEventTime(text: string): number {
  const isoLike = text.trim().replace(" ", "T");
  const zoned = /(?:Z|[+-]\d\d:?\d\d)$/i.test(isoLike) ? isoLike : `${isoLike}Z`;
  return Date.parse(zoned);
}

const resourceSchema = z.looseObject({
  ARN: z.string().optional(),
  arn: z.string().optional(),
  accountId: z.string().optional(),
  type: z.string().optional(),
});

/**
 * One CloudTrail record as a trail file holds it. The endpoint checks the fields it indexes;
 * every other field passes through untouched into `CloudTrailEvent`.
 */
export const trailRecordSchema = z.looseObject({
  eventTime: z.string().refine((text) => !Number.isNaN(parseEventTime(text)), "eventTime is not a readable timestamp"),
  eventSource: z.string().min(1),
  eventName: z.string().min(1),
  awsRegion: z.string().min(1),
  eventID: z.string().optional(),
  readOnly: z.boolean().optional(),
  userIdentity: z
    .looseObject({
      type: z.string().optional(),
      arn: z.string().optional(),
      userName: z.string().optional(),
      accessKeyId: z.string().optional(),
    })
    .optional(),
  resources: z.array(resourceSchema).nullish(),
});

/** A CloudTrail record (a plain object, as in a trail file): what lib/demo generates and lib/local-aws serves. */
export type TrailRecord = z.infer<typeof trailRecordSchema>;
