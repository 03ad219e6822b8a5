import type { DenialRecord } from "../model";
import type { NonEmpty } from "../non-empty";
import type { Ranked } from "./rank";

/**
 * A resource ARN built around another ARN: the request passed an ARN where the API wanted a name, so no statement for
 * the resource meant can match. The request leads; a policy whose Resource misses even that strange ARN comes second.
 */
export function rankNestedArn(record: DenialRecord, nested: string): NonEmpty<Ranked> {
  return [
    {
      layer: "unknown",
      confidence: 0.7,
      why:
        `The resource holds a whole ARN (${nested}) where its name belongs: the call passed an ARN as the name, so ` +
        "AWS checked a resource that cannot exist. Pass the name instead.",
    },
    {
      layer: "execution-role",
      confidence: 0.3,
      why:
        `AWS says ${record.statedReason === "explicit-deny" ? "a Deny matched" : "no Allow matched"} that ARN: once ` +
        "the call passes the name, the policy must allow the real resource.",
    },
  ];
}
