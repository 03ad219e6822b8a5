import type { DenialRecord } from "../model";
import type { NonEmpty } from "../non-empty";
import type { Ranked } from "./rank";
import { namesResource } from "./rank-accounts";

/** The check that tells the two usual suspects of an unnamed Deny apart, in the words both candidates give. */
const SIMULATOR_CHECK =
  "aws iam simulate-principal-policy on the caller tells them apart: a matched statement of the caller's own policy " +
  "is its Deny, AllowedByOrganizations false is an SCP.";

/**
 * "with an explicit deny" and no policy named (the old message format): a Deny statement somewhere, which no Allow can
 * override. The usual suspects are an SCP (guardrail accounts, sandboxes, Region limits) and a Deny in the caller's own
 * policies (MFA, source IP, tags); neither leads with confidence, and the simulator tells them apart. A call on a
 * named resource puts the caller's own policies first, one on no resource the SCP.
 */
export function rankUnnamedDeny(record: DenialRecord): NonEmpty<Ranked> {
  const action = record.action ?? "the action";
  const resourcePolicy = namesResource(record);
  const scp: Ranked = {
    layer: "scp",
    confidence: resourcePolicy ? 0.3 : 0.4,
    why: `AWS says a Deny matched but not where: an SCP of the account or an OU above it often denies ${action} in restricted accounts. ${SIMULATOR_CHECK}`,
  };
  const own: Ranked = {
    layer: "execution-role",
    confidence: 0.35,
    why:
      `AWS says a Deny matched but not where: the caller's own policies may deny ${action} under a condition ` +
      `(MFA, source IP, Region, tags). ${SIMULATOR_CHECK}`,
  };
  const [first, second] = resourcePolicy ? [own, scp] : [scp, own];
  return [
    // A Deny aimed at one named resource is most often the account's own (the caller's policy, which you can edit);
    // an SCP denies actions or Regions broadly, so it leads when the call names no resource.
    first,
    second,
    ...(resourcePolicy ? [resourceDeny(record)] : []),
    { layer: "permissions-boundary", confidence: 0.1, why: "The caller's permissions boundary may hold the Deny." },
    {
      layer: "session-policy",
      confidence: 0.1,
      why: "A policy passed when the session was created may hold the Deny.",
    },
  ];
}

/** The named resource's own policy as a suspect: for a KMS key that is its key policy, which often holds a Deny. */
function resourceDeny(record: DenialRecord): Ranked {
  return record.service === "kms"
    ? {
        layer: "kms-key-policy",
        confidence: 0.15,
        why: "The key policy may deny this caller (key policies often deny all but the key's administrators and users).",
      }
    : { layer: "resource-policy", confidence: 0.15, why: "The target's resource policy may deny this caller." };
}
