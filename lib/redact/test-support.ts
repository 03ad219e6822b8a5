import type { Diagnosis } from "../model";

/**
 * What a reader of a diagnosis acts on — the layers in rank order, the action, who called, what AWS said, who
 * changes what — without the names and ids redaction replaces. Equal readings mean the redacted text reads the same.
 */
export function reading(diagnosis: Diagnosis) {
  return {
    findings: diagnosis.findings.map((finding) => ({
      layers: finding.candidates.map((candidate) => candidate.layer),
      action: finding.action,
      service: finding.service,
      operation: finding.operation,
      caller: finding.caller.kind,
      callerNamed: finding.caller.name !== null,
      principalKnown: finding.principal !== null,
      resourceKnown: finding.resource !== null,
      region: finding.region,
      statedPolicyType: finding.statedPolicyType,
      statedReason: finding.statedReason,
      policyArnKnown: finding.policyArn !== null,
      kind: finding.kind,
      sourceFormat: finding.sourceFormat,
      errorCode: finding.errorCode,
      occurrences: finding.occurrences,
      owner: finding.fix.owner,
    })),
    nonDenials: diagnosis.nonDenials.map((nonDenial) => nonDenial.code),
    truncated: diagnosis.truncated,
  };
}
