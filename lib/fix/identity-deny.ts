import type { DenialRecord, FixDraft } from "../model";
import { consoleUrl } from "../iam";
import type { Subject } from "../iam";
import type { Scope } from "./scope";
import { createsBoundedIdentity } from "./boundary-delegation";
import { shellWord } from "./shell";

/** The commands that list every policy attached to the caller, directly and (for a user) through its groups. */
function listPolicies(subject: Subject): string {
  const kind = subject.identityKind;
  const name = shellWord(subject.identityName);
  const groups =
    kind === "user"
      ? `aws iam list-groups-for-user --user-name ${name} --query 'Groups[].GroupName'   # their policies apply too\n`
      : "";
  return (
    `aws iam list-${kind}-policies --${kind}-name ${name}\n` +
    `aws iam get-${kind}-policy --${kind}-name ${name} --policy-name <POLICY_NAME>   # each inline policy\n` +
    `aws iam list-attached-${kind}-policies --${kind}-name ${name}\n` +
    `aws iam get-policy-version --policy-arn <POLICY_ARN> --version-id <VERSION_ID>   # each managed policy\n` +
    groups
  );
}

/**
 * An explicit Deny in the caller's own policies: no Allow overrides it, so the fix finds the denying statement (the
 * policy simulator names it) and narrows or removes it; the statement is null because there is nothing to add.
 */
export function identityDenyFix(record: DenialRecord, subject: Subject, scope: Scope): FixDraft {
  const kind = subject.identityKind;
  const resource = scope.resources[0] ?? "*";
  const stated = record.statedPolicyType === "identity-based";
  const simulate =
    `aws iam simulate-principal-policy --policy-source-arn ${shellWord(subject.principalArn)} ` +
    `--action-names ${shellWord(scope.action)} --resource-arns ${shellWord(resource)} ` +
    `--query 'EvaluationResults[].[EvalDecision,OrganizationsDecisionDetail.AllowedByOrganizations,MatchedStatements[].SourcePolicyId]'`;
  const notes = [
    `An Allow never overrides an explicit Deny: find the Deny on ${scope.action} in the ${kind}'s policies and ` +
      "narrow it (its Condition says what the call must satisfy: MFA, source IP, Region, tags) or remove it.",
  ];
  if (subject.caller.kind === "sso-role")
    notes.push(
      `${subject.identityName} is an IAM Identity Center role: change the Deny in permission set ${subject.caller.name ?? ""}, ` +
        "which would overwrite an edit made to the role itself.",
    );
  if (createsBoundedIdentity(record))
    notes.push(
      `A Deny on ${scope.action} is often a guardrail that lets roles and users be created only with a required ` +
        "permissions boundary (its Condition names iam:PermissionsBoundary): if so, keep the Deny and create the " +
        "identity with that boundary (--permissions-boundary <BOUNDARY_ARN>, or PermissionsBoundary in the template).",
    );
  if (!stated)
    notes.push(
      `AWS did not say which policy denied the call. The simulator tells the usual two apart: "explicitDeny" with a ` +
        `policy of the ${kind}'s in its matched statements is the ${kind}'s own Deny; AllowedByOrganizations false ` +
        'is an SCP; "allowed" means the Deny is elsewhere (the resource\'s policy, a session policy).',
    );
  return {
    layer: "execution-role",
    title: `Find and narrow the Deny on ${scope.action} in ${kind} ${subject.identityName}'s policies`,
    owner: "you",
    statement: null,
    additionalStatements: [],
    target: `the Deny statement in ${kind} ${subject.identityName}'s policies`,
    cli: `${simulate}\n${listPolicies(subject)}# narrow or remove the Deny statement the simulator names, in the policy that holds it`,
    terraform: `# In the policy attached to ${kind} ${subject.identityName} that holds the Deny on ${scope.action}: narrow or remove that statement.`,
    sam: `# In the template's policy for ${kind} ${subject.identityName} that holds the Deny on ${scope.action}: narrow or remove that statement.`,
    consoleUrl: consoleUrl(
      { partition: subject.partition },
      `/iam/home#/${kind}s/details/${encodeURIComponent(subject.identityName)}?section=permissions`,
    ),
    requestText: null,
    notes,
  };
}
