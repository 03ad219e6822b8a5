import "server-only";
import { z } from "zod";

/** Every environment variable the server reads, documented in .env.example. */
const envSchema = z.object({
  /** Send LookupEvents to this endpoint instead of AWS (a local CloudTrail, LocalStack, a VPC endpoint URL). */
  WHYDENIED_CLOUDTRAIL_ENDPOINT: z
    .url({ protocol: /^https?$/, error: "WHYDENIED_CLOUDTRAIL_ENDPOINT must be an http(s) URL." })
    .optional(),
  /** "off" hides the built-in demo data (for a portal that must only show the real account). */
  WHYDENIED_DEMO: z.enum(["on", "off"]).default("on"),
  /** LookupEvents requests per second per Region; AWS allows 2 per account and Region. */
  WHYDENIED_LOOKUP_RATE: z.coerce.number().positive().max(2).default(2),
  /** Largest trail file upload, in MiB. */
  WHYDENIED_MAX_UPLOAD_MIB: z.coerce.number().int().positive().default(2048),
  /** The Region the lookup form starts with. */
  AWS_REGION: z.string().optional(),
  AWS_DEFAULT_REGION: z.string().optional(),
});

export type ServerEnv = z.infer<typeof envSchema>;

/**
 * Reads and checks the server's environment. Read per call, not at import, so a process that
 * changes its environment (tests) is seen; a bad value fails loudly with the variable's name.
 */
export function serverEnv(source: NodeJS.ProcessEnv = process.env): ServerEnv {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success)
    throw new Error(
      `Invalid environment: ${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`,
    );
  return parsed.data;
}
