import type { DenialRecord, StatedReason } from "../model";

// The fields of `aws sts decode-authorization-message`'s DecodedMessage, read one by one: a pasted copy is often
// redacted (`"arn": "arn:aws:sts::**:assumed-role/…"`) or cut short, so it is not always JSON that parses.
const DECODED_MARK = '"matchedStatements"';
const ACTION = /"action"\s{0,4}:\s{0,4}"([A-Za-z0-9-]{1,40}:[A-Za-z0-9*]{1,128})"/g;
const RESOURCE = /"resource"\s{0,4}:\s{0,4}"(arn:[^"\s]{1,1024})"/;
const PRINCIPAL_ARN = /"principal"\s{0,4}:\s{0,4}\{[^{}]{0,400}?"arn"\s{0,4}:\s{0,4}"(arn:[^"\s]{1,400})"/;
const EXPLICIT_DENY = /"explicitDeny"\s{0,4}:\s{0,4}(true|false)/;

interface DecodedMessage {
  action: string;
  resource: string | null;
  principal: string | null;
  statedReason: StatedReason;
}

/** The one decoded authorization message the text holds; null when it holds none, or several for different calls. */
function decodedMessageIn(text: string): DecodedMessage | null {
  if (!text.includes(DECODED_MARK)) return null;
  const actions = new Set(Array.from(text.matchAll(ACTION), (match) => match[1]));
  const [action] = actions;
  if (actions.size !== 1 || !action) return null;
  const explicitDeny = EXPLICIT_DENY.exec(text)?.[1];
  return {
    action,
    resource: RESOURCE.exec(text)?.[1] ?? null,
    principal: PRINCIPAL_ARN.exec(text)?.[1] ?? null,
    // `false` says only that no Deny matched: which policy failed to allow (the caller's, an SCP's) it does not say.
    statedReason: explicitDeny === "true" ? "explicit-deny" : "unstated",
  };
}

/**
 * Fills in EC2's encoded denials from the decoded message pasted beside them (`aws sts decode-authorization-message`):
 * its context names the call, the resource and the caller the encoded text hides, and `explicitDeny` whether a Deny
 * matched.
 */
export function withDecodedMessage<Denial extends DenialRecord>(records: Denial[], text: string): Denial[] {
  if (!records.some((record) => record.kind === "ec2-encoded")) return records;
  const decoded = decodedMessageIn(text);
  if (!decoded) return records;
  return records.map((record) =>
    record.kind === "ec2-encoded"
      ? {
          ...record,
          service: decoded.action.split(":")[0] ?? record.service,
          action: decoded.action,
          resource: decoded.resource ?? record.resource,
          principal: record.principal ?? decoded.principal,
          statedReason: record.statedReason === "unstated" ? decoded.statedReason : record.statedReason,
        }
      : record,
  );
}
