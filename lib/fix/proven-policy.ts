import { proofOf, type DenialRecord, type FixDraft } from "../model";

/**
 * When AWS's authorization details name the denying policy, the fix edits *that* policy: its target and first
 * note say which one and which statement, in place of the layer's generic wording.
 */
export function targetingProvenPolicy(draft: FixDraft, record: DenialRecord): FixDraft {
  const proof = proofOf(record);
  if (!proof?.policyUri) return draft;
  const statement = proof.statementSid ? `statement "${proof.statementSid}" of ` : "";
  draft.target = `${statement}${proof.inline ? "inline policy" : "policy"} ${proof.policyUri}`;
  draft.notes.unshift(
    `AWS's authorization details show ${statement}${proof.policyUri} denying ${record.action ?? "the request"}: edit that policy.`,
  );
  return draft;
}
