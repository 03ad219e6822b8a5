import { z } from "zod";

/** The query string of `POST /api/trail`: `?roleArn=` keeps one role's denials; empty or absent keeps all. */
export const trailQuerySchema = z.object({
  roleArn: z
    .string()
    .max(2048, "That is too long to be a role ARN.")
    .optional()
    .transform((value) => value || null),
});

/** The query string as parameters: the first value of each known name, unknown names ignored. */
export function trailQueryOf(url: string): Record<string, string | undefined> {
  const params = new URL(url).searchParams;
  return { roleArn: params.get("roleArn") ?? undefined };
}
