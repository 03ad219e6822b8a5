import { proofOf, type DenialRecord, type FixDraft } from "../model";

const ORGANIZATIONS_POLICY_PLACEHOLDER = /<(SCP|RCP)_ID>/g;

/**
 * When AWS's authorization details name the denying policy, the fix edits *that* policy: its target and first
 * note say which one and which statement, in place of the layer's generic wording.
 */
export function targetingProvenPolicy(draft: FixDraft, record: DenialRecord): FixDraft {
  const proof = proofOf(record);
  if (!proof?.policyUri) return draft;
  const statement = proof.statementSid ? `statement "${proof.statementSid}" of ` : "";
  draft.target = `${statement}${proof.inline ? "inline policy" : "policy"} ${proof.policyUri}`;
  // The guardrail snippets leave the organization policy's id as a placeholder; the proven ARN ends with it.
  const policyId = /:policy\/o-[^/]+\/[a-z_]+\/(p-[0-9a-z]+)$/.exec(proof.policyUri)?.[1];
  if (policyId) {
    draft.cli = draft.cli.replace(ORGANIZATIONS_POLICY_PLACEHOLDER, policyId);
    draft.terraform = draft.terraform.replace(ORGANIZATIONS_POLICY_PLACEHOLDER, policyId);
    draft.sam = draft.sam.replace(ORGANIZATIONS_POLICY_PLACEHOLDER, policyId);
  }
  draft.notes.unshift(
    `AWS's authorization details show ${statement}${proof.policyUri} denying ${record.action ?? "the request"}: edit that policy.`,
  );
  return draft;
}
