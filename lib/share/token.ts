import { createHash } from "node:crypto";

/** What the store keeps of a delete token: its SHA-256, base64url. The token itself is shown once, to its owner. */
export function hashDeleteToken(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}
