import type { DenialRecord } from "../model";

// `aws sts get-caller-identity` pasted beside the error: its "Arn" is the identity the client signed with.
const CALLER_IDENTITY_ARN = /"Arn"\s?:\s?"(arn:aws[a-z-]{0,12}:(?:sts|iam)::\d{12}:[^"\s]{1,400})"/g;

/** The one identity a pasted get-caller-identity output shows; null when it shows none or several. */
function callerIdentityIn(text: string): string | null {
  if (!text.includes('"UserId"') || !text.includes('"Arn"')) return null;
  const arns = new Set(Array.from(text.matchAll(CALLER_IDENTITY_ARN), (match) => match[1]));
  return arns.size === 1 ? ([...arns][0] ?? null) : null;
}

/**
 * Names the caller of the denials whose message names none (kubectl's "You must be logged in to the server") after
 * the get-caller-identity output pasted with them, when it shows one identity.
 */
export function withCallerIdentity<Denial extends DenialRecord>(records: Denial[], text: string): Denial[] {
  if (records.every((record) => record.principal)) return records;
  const caller = callerIdentityIn(text);
  return caller ? records.map((record) => (record.principal ? record : { ...record, principal: caller })) : records;
}
