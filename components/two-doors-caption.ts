import type { Finding, Layer } from "@/lib/wire";

/** What the doors mean, after the caption's first sentence; a propagation delay, which no door denied, needs none. */
export function legend(finding: Finding, lambda: boolean, layer: Layer): string {
  if (layer === "propagation-delay") return "";
  if (lambda) {
    return "Inbound: who may call the function · outbound: what its role may do · target: what the target lets in.";
  }
  if (finding.caller.kind === "anonymous") {
    return "An anonymous caller has no policies of its own: only the target's policy can let it in.";
  }
  return "First door: what the caller's own policies allow · second: what the target's policy lets in.";
}

/** The caption's first sentence; the two causes outside every policy say so rather than name a door. */
export function whereDenied(denial: { layer: Layer; doorKnown: boolean; certain: boolean; name: string }): string {
  const denied = denial.certain ? "Denied" : "Probably denied";
  if (denial.layer === "propagation-delay") {
    return "No policy denied it: IAM may not yet have applied a recent role or policy change everywhere.";
  }
  if (denial.layer === "account-setting") {
    return `${denied} by a setting of the target or its account, not by a policy.`;
  }
  if (!denial.doorKnown) return "The message does not say which door denied the request.";
  return `${denied} at the ${denial.name}.`;
}
