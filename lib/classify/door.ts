import type { Finding, Layer } from "../model";
import { LAYER_INFO } from "./layers";

/**
 * The doors of the picture: who may call the function (inbound), what the function's role may do
 * (outbound), what the target lets in (its resource, key or trust policy), and the guardrails over all.
 */
export type Door = "inbound" | "outbound" | "target" | "guardrail";

const INBOUND_KINDS = new Set<Finding["kind"]>([
  "apigw-invalid-permissions",
  "s3-notification-destination",
  "execute-api-anonymous",
]);
const GUARDRAILS = new Set<Layer>(["scp", "rcp", "permissions-boundary", "session-policy", "vpc-endpoint-policy"]);

/** Which door a finding's layer is, from its direction: a bucket's or another account's role's policy is the target's, not the function's. */
export function doorOf(finding: Pick<Finding, "layer" | "kind" | "action">): Door | null {
  const { layer } = finding;
  // No policy denied a propagation delay: no door to draw it on. A setting like Block Public Access is the target's.
  if (layer === "unknown" || layer === "propagation-delay") return null;
  if (layer === "account-setting") return "target";
  if (GUARDRAILS.has(layer)) return "guardrail";
  if (layer === "execution-role") return "outbound";
  if (layer === "kms-key-policy") return "target";
  if (layer === "trust-policy") return finding.kind === "lambda-role-not-assumable" ? "outbound" : "target";
  const invoke = finding.action?.toLowerCase() === "lambda:invokefunction";
  return invoke || INBOUND_KINDS.has(finding.kind) ? "inbound" : "target";
}

/** The words on a door: the denying layer's name where it denied, else what the door usually is. */
export function doorLabel(door: Exclude<Door, "guardrail">, denied: { door: Door | null; layer: Layer }): string {
  if (denied.door === door) return LAYER_INFO[denied.layer].label.replace(" (identity policy)", "");
  return { inbound: "Resource policy", outbound: "Execution role", target: "Target's policy" }[door];
}
