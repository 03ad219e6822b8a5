import { createHash } from "node:crypto";
import { z } from "zod";

const tokenSchema = z.object({ v: z.literal(1), q: z.string(), r: z.number().int().nonnegative() });

/** A short digest of the parameters a token belongs to; a token only continues the same query. */
export function queryFingerprint(parameters: unknown): string {
  return createHash("sha256").update(JSON.stringify(parameters)).digest("base64url").slice(0, 22);
}

/** An opaque NextToken that resumes after the event ranked `rank`. */
export function encodeNextToken(fingerprint: string, rank: number): string {
  return Buffer.from(JSON.stringify({ v: 1, q: fingerprint, r: rank })).toString("base64url");
}

/** The rank a token resumes after, or null when it is malformed or belongs to other parameters. */
export function decodeNextToken(token: string, fingerprint: string): number | null {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const parsed = tokenSchema.safeParse(decoded);
  return parsed.success && parsed.data.q === fingerprint ? parsed.data.r : null;
}
