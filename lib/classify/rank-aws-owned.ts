import type { NonEmpty } from "../non-empty";
import type { Ranked } from "./rank";

const AWS_OWNED_WHY =
  "The bucket belongs to AWS (another account), so its own policy decides first: it lets in only the calls it was " +
  "made for (the agent's Region, the service's documented paths). Your role's policy and a VPC endpoint policy " +
  "must allow the call too.";

/**
 * A bucket AWS owns (Systems Manager's per-Region buckets) is another account's: its bucket policy, which only AWS
 * edits, leads unless the message stated or proved another layer.
 */
export function forAwsOwnedBucket(ranked: NonEmpty<Ranked>): NonEmpty<Ranked> {
  const [first] = ranked;
  if (first.stated || first.proven) return ranked;
  const others = ranked.filter((candidate) => candidate.layer !== "resource-policy");
  const share = others.reduce((sum, candidate) => sum + candidate.confidence, 0);
  return [
    { layer: "resource-policy", confidence: share > 0 ? 0.6 : 1, why: AWS_OWNED_WHY },
    ...others.map((candidate) => ({ ...candidate, confidence: (0.4 * candidate.confidence) / share })),
  ];
}
