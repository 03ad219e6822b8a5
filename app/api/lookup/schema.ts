import { z } from "zod";
import type { LookupRequest } from "@/lib/cloudtrail/lookup";
import type { LookupRequestBody } from "@/lib/lookup/request";
import { MAX_WINDOW_DAYS } from "@/lib/lookup/window";

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

export const lookupRequestSchema = z.object({
  roleArn: z.string({ error: "Enter the role ARN." }).max(2048),
  functionName: functionName.nullish().transform((value) => value ?? null),
  regions: z
    .array(z.string().max(64))
    .min(1, "Choose at least one Region.")
    .max(10, "Search at most 10 Regions at a time."),
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
  source: z.enum(["aws", "demo"]).default("aws"),
}) satisfies z.ZodType<LookupRequest, LookupRequestBody>;
