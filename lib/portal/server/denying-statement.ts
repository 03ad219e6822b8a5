import { z } from "zod";

const statementSchema = z.object({ Sid: z.string().optional() }).loose();
const documentSchema = z.object({ Statement: z.union([statementSchema, z.array(statementSchema)]) }).loose();

/**
 * The statement of a policy document (as GetRequestAuthorizationPolicy answers it) whose Sid AWS's authorization
 * details named, or null when the document holds no such statement. A policy document is either parsed JSON or the
 * JSON text of it, as IAM answers policies.
 */
export function statementWithSid(document: unknown, sid: string): Record<string, unknown> | null {
  let value = document;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch {
      return null;
    }
  }
  const parsed = documentSchema.safeParse(value);
  if (!parsed.success) return null;
  const statements = Array.isArray(parsed.data.Statement) ? parsed.data.Statement : [parsed.data.Statement];
  return statements.find((statement) => statement.Sid === sid) ?? null;
}
