import type { AuthorizationProof, DenialRecord, PolicyType } from "../model";
import type { NonEmpty } from "../non-empty";
import { layerOfPolicyType, POLICY_TYPE_WORDS } from "./layers";
import type { Ranked } from "./rank";

/** AWS's authorization details name the denying statement: its layer is not a guess. */
export function rankProven(record: DenialRecord, proof: AuthorizationProof, type: PolicyType): NonEmpty<Ranked> {
  const statement = proof.statementSid ? `statement "${proof.statementSid}"` : "a statement";
  return [
    {
      layer: layerOfPolicyType(type, record.service),
      confidence: 1,
      why: `AWS's authorization details show ${statement} of the ${POLICY_TYPE_WORDS[type]} ${proof.policyUri ?? ""} denying ${record.action ?? "the action"}.`,
      proven: true,
    },
  ];
}

/** AWS reports an implicit deny and, as its API documents, no matched policy: some layer lacks an Allow, none denies. */
export function rankImplicit(record: DenialRecord): NonEmpty<Ranked> {
  const action = record.action ?? "the action";
  return [
    {
      layer: "execution-role",
      confidence: 0.6,
      why: `AWS found no statement allowing ${action} and none denying it: the caller's own policy most often lacks the Allow.`,
    },
    {
      layer: "resource-policy",
      confidence: 0.2,
      why: "Across accounts the target's resource policy must allow the caller too.",
    },
    {
      layer: "permissions-boundary",
      confidence: 0.1,
      why: "A permissions boundary that leaves the action out denies it implicitly.",
    },
    { layer: "scp", confidence: 0.1, why: "An SCP written as an allow list denies every action it leaves out." },
  ];
}
