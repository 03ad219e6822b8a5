import { z } from "zod";

/** A role of the built-in demo data, offered as a one-click example. */
const demoRoleSchema = z.object({
  roleArn: z.string(),
  functionName: z.string().nullable(),
  region: z.string(),
  summary: z.string(),
});

/** The answer of `GET /api/lookup/status`: what the lookup form needs before the first lookup, nothing secret. */
export const lookupStatusSchema = z.object({
  credentials: z.enum(["available", "missing"]),
  /** "aws", or "endpoint" when WHYDENIED_CLOUDTRAIL_ENDPOINT sends lookups elsewhere (its URL stays on the server). */
  target: z.enum(["aws", "endpoint"]),
  defaultRegion: z.string(),
  demo: z.object({ enabled: z.boolean(), roles: z.array(demoRoleSchema) }),
  /** The one policy whydenied's lookups need. */
  requiredPolicy: z.object({
    Version: z.string(),
    Statement: z
      .array(z.object({ Sid: z.string(), Effect: z.literal("Allow"), Action: z.string(), Resource: z.string() }))
      .readonly(),
  }),
});

export type DemoRole = z.infer<typeof demoRoleSchema>;
export type LookupStatus = z.infer<typeof lookupStatusSchema>;
