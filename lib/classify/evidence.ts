import { encodedMessageOf, proofOf, type AuthorizationProof, type DenialRecord } from "../model";
import type { Subject } from "../iam";
import { POLICY_TYPE_WORDS } from "./layers";

const REASON_WORDS = {
  "no-allow": "no policy of that type allowed it",
  "explicit-deny": "a Deny statement matched",
  unstated: "",
};

/** What AWS's authorization details prove, naming the policy and statement they show. */
function proofEvidence(proof: AuthorizationProof): string {
  if (proof.evaluatedEffect === "IMPLICIT_DENY") {
    return (
      `AWS's authorization details: IMPLICIT_DENY — no statement allowed the request and none denied it ` +
      `(${proof.policiesEvaluated} policies evaluated; AWS lists no matched policy for an implicit deny).`
    );
  }
  const type = proof.policyType ? POLICY_TYPE_WORDS[proof.policyType] : "policy";
  const statement = proof.statementSid ? `statement Sid "${proof.statementSid}"` : "a statement";
  const inline = proof.inline ? "inline " : "";
  return `Proven by AWS: ${statement} of the ${inline}${type} ${proof.policyUri ?? ""} evaluated to DENY (EXPLICIT_DENY).`;
}

/** The facts from the message that the ranking rests on, in the user's terms. */
export function evidenceFor(record: DenialRecord, subject: Subject): string[] {
  const evidence: string[] = [];
  const proof = proofOf(record);
  if (proof) {
    evidence.push(proofEvidence(proof));
  } else if (record.statedPolicyType) {
    evidence.push(
      `AWS names the policy type: ${POLICY_TYPE_WORDS[record.statedPolicyType]} (${REASON_WORDS[record.statedReason]}).`,
    );
  } else {
    evidence.push("The message does not name the policy type that denied the request.");
  }
  if (record.transitivePolicyType)
    evidence.push(`…transitively through a ${POLICY_TYPE_WORDS[record.transitivePolicyType]}.`);
  if (subject.functionName) {
    evidence.push(
      `The caller is session "${subject.functionName}" of role "${subject.identityName}" — for a Lambda ` +
        `function, its own calls run in a session named after it: an outbound call, governed by the ` +
        `execution role.`,
    );
  } else if (subject.principal?.sessionName?.startsWith("awslambda_")) {
    evidence.push(
      `Session "${subject.principal.sessionName}" is Lambda acting on the function's behalf with role "${subject.identityName}".`,
    );
  } else if (subject.principal?.kind === "anonymous") {
    evidence.push("The caller is anonymous: the request carried no AWS credentials.");
  }
  if (
    record.operation &&
    record.action &&
    !record.action.toLowerCase().endsWith(`:${record.operation.toLowerCase()}`)
  ) {
    evidence.push(`The ${record.operation} API call needs the IAM action ${record.action}.`);
  }
  if (record.service === "kms")
    evidence.push("KMS keys have their own key policy: both it and the role's policy must allow the call.");
  if (record.action?.toLowerCase() === "lambda:invokefunction") {
    evidence.push("lambda:InvokeFunction is inbound: the function's resource policy decides who may call it.");
  }
  const principalAccount = subject.principal?.account;
  if (principalAccount && record.account && principalAccount !== record.account) {
    evidence.push(
      `Cross-account: caller in ${principalAccount}, resource in ${record.account}. Both sides must allow it.`,
    );
  }
  if (encodedMessageOf(record))
    evidence.push("EC2 returned an encoded authorization message: decoding it names the deciding policy.");
  if (record.occurrences > 1) evidence.push(`Seen ${record.occurrences} times in the input.`);
  return evidence;
}
