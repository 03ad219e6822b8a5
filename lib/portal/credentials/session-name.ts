/** STS's RoleSessionName and SourceIdentity: 2–64 characters, each a letter, digit or one of `_+=,.@-`. */
const MAX_LENGTH = 64;
const DISALLOWED = /[^\w+=,.@-]/g;
/** AWS reserves SourceIdentity values that start with "aws:" (case-insensitive); ':' is replaced anyway. */
const PAD = "--";

/**
 * The signed-in user as STS accepts it for RoleSessionName and SourceIdentity, so the account's own CloudTrail
 * shows who ran the diagnosis: other characters become "-", the result is cut to 64 characters and padded to 2.
 */
export function stsSessionName(user: string): string {
  const cleaned = user.normalize("NFKD").replace(DISALLOWED, "-").slice(0, MAX_LENGTH);
  return cleaned.length >= 2 ? cleaned : `${cleaned}${PAD}`.slice(0, 2);
}
