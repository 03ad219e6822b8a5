import { z } from "zod";

/** CloudTrail event history keeps 90 days. */
export const MAX_WINDOW_DAYS = 90;

/** At most this many Regions per lookup: each is a paced scan of its own. */
export const MAX_REGIONS = 10;

const FUNCTION_NAME = /^[A-Za-z0-9_-]{1,64}$/;
const FUNCTION_ARN = /^arn:[\w-]+:lambda:[\w-]+:\d{12}:function:([A-Za-z0-9_-]{1,64})(?::[\w$-]+)?$/;

/** A function name, or its ARN (the name is taken from it); empty means none. */
const functionName = z
  .string()
  .trim()
  .max(256)
  .transform((value) => FUNCTION_ARN.exec(value)?.[1] ?? value)
  .refine(
    (value) => value === "" || FUNCTION_NAME.test(value),
    "A Lambda function name has 1 to 64 letters, digits, hyphens or underscores.",
  )
  .transform((value) => value || null);

/** Where a lookup reads: the account whydenied's credentials reach (or the configured endpoint), or the demo data. */
export const lookupTargetSchema = z.enum(["aws", "demo"]);

/** The JSON body of `POST /api/lookup`: the browser sends its input, the route parses it with the defaults filled. */
export const lookupRequestSchema = z.object({
  roleArn: z.string({ error: "Enter the role ARN." }).max(2048),
  functionName: functionName.nullish().transform((value) => value ?? null),
  regions: z
    .array(z.string().max(64))
    .min(1, "Choose at least one Region.")
    .max(MAX_REGIONS, `Search at most ${MAX_REGIONS} Regions at a time.`),
  /** Add the partition's global Region (us-east-1) for IAM and STS events. */
  includeGlobalRegion: z.boolean().default(true),
  window: z.union([
    z.object({
      hours: z
        .number()
        .positive()
        .max(MAX_WINDOW_DAYS * 24 + 1),
    }),
    z.object({ start: z.iso.datetime({ offset: true }), end: z.iso.datetime({ offset: true }).optional() }),
  ]),
  eventSource: z
    .string()
    .regex(/^[a-z0-9-]{1,60}\.amazonaws\.com$/, "An event source looks like kms.amazonaws.com.")
    .nullish()
    .transform((value) => value ?? null),
  source: lookupTargetSchema.default("aws"),
  /** Portal mode: the configured account (its 12-digit id) whose role the server assumes to read CloudTrail. */
  account: z
    .string()
    .regex(/^\d{12}$/, "An account is its 12-digit id.")
    .nullish()
    .transform((value) => value ?? null),
});

/** A lookup request as a client sends it (optional fields may be left out). */
export type LookupRequestBody = z.input<typeof lookupRequestSchema>;

/** A lookup request as the server reads it, defaults filled. */
export type LookupRequest = z.output<typeof lookupRequestSchema>;

export type LookupTarget = z.infer<typeof lookupTargetSchema>;
