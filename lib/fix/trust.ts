import type { DenialRecord, FixDraft } from "../model";
import { isAccountId, parseArn } from "../iam";
import type { Subject } from "../iam";
import { prettyJson } from "./json";
import { prepare } from "./prepared";
import { trustPolicyForms } from "./trust-forms";

/**
 * The trust-policy fix: let the caller (or Lambda itself) assume the role. A trust policy is replaced
 * whole on update, so every form adds one statement to the policy that is there, never a new one.
 */
export function trustPolicyFix(record: DenialRecord, subject: Subject): FixDraft {
  const forLambda = record.kind === "lambda-role-not-assumable";
  const roleArn = !forLambda && subject.resourceArn?.includes(":role/") ? parseArn(subject.resourceArn) : null;
  const targetRole = forLambda ? "<EXECUTION_ROLE_NAME>" : (roleArn?.resource.split("/").pop() ?? "<ROLE_NAME>");
  const roleAccount = roleArn && isAccountId(roleArn.account) ? roleArn.account : null;
  // An AWS service (lambda.amazonaws.com assuming its role) belongs to no account and has no policy of its own.
  const service = subject.principal?.kind === "service" ? subject.principal.name : null;
  const crossAccount = !service && roleAccount !== null && roleAccount !== subject.principal?.account;
  const callerArn = callerArnOf(subject);
  const principal = forLambda
    ? { Service: "lambda.amazonaws.com" }
    : service
      ? { Service: service }
      : { AWS: callerArn };
  const selfAssumed = !forLambda && !service && assumesItself(subject, targetRole, roleAccount);
  // Session tags are allowed in the same statement as the assumption they ride on.
  const tags = record.action?.toLowerCase() === "sts:tagsession";
  const actions = tags ? ["sts:AssumeRole", "sts:TagSession"] : "sts:AssumeRole";
  const statement = {
    Sid: forLambda ? "LambdaAssumesRole" : "AllowWhyDeniedCaller",
    Effect: "Allow",
    Principal: principal,
    Action: actions,
  };
  const rendered = prepare(statement);
  const inAccount = crossAccount ? ` (in account ${roleAccount})` : "";
  const notes = selfAssumed ? [selfAssumeNote(targetRole)] : [];
  notes.push("A trust policy is replaced whole on update: add the statement to the ones already there.");
  if (tags)
    notes.push(
      "The caller passes session tags (GitHub Actions' configure-aws-credentials always does): the statement that " +
        "lets it assume the role must allow sts:TagSession too. Or stop passing tags: role-skip-session-tagging: true.",
    );
  const checked = tags ? "sts:AssumeRole and sts:TagSession" : "sts:AssumeRole";
  if (!forLambda && !service)
    notes.push(callerPolicyNote(callerArn, roleAccount, subject.principal?.account ?? null, checked));
  if (crossAccount)
    notes.push(
      `Role ${targetRole} belongs to account ${roleAccount}: run the commands with that account's credentials, or send its owner the message below.`,
    );
  if (forLambda) notes.push("If the role was created seconds ago, wait and retry: IAM may not have propagated it yet.");
  const forms = trustPolicyForms(targetRole, rendered, subject.partition, "add to the Statement list in trust.json");
  return {
    layer: "trust-policy",
    title: forLambda
      ? "Let Lambda assume the execution role"
      : selfAssumed
        ? `Stop assuming role ${targetRole} from itself: the caller already runs as it`
        : `Let ${subject.identityName} assume role ${targetRole}${inAccount}${tags ? " with session tags" : ""}`,
    owner: crossAccount ? "resource-owner" : "you",
    statement,
    additionalStatements: [],
    target: `trust policy of role ${targetRole}${inAccount}`,
    ...forms,
    consoleUrl: crossAccount ? null : forms.consoleUrl,
    requestText: crossAccount
      ? `Hi — ${callerArn} is denied ${tags ? "sts:TagSession" : "sts:AssumeRole"} on ${subject.resourceArn} (account ` +
        `${roleAccount}). Could you add this statement to the role's trust policy?\n\n` +
        `${prettyJson(rendered)}`
      : null,
    notes,
  };
}

/**
 * The caller's ARN as a trust policy names it. A caller whose account the message hid keeps <ACCOUNT_ID>: the account
 * the record fell back on is the role's, and the caller may well be another's.
 */
function callerArnOf(subject: Subject): string {
  const { principal } = subject;
  if (!principal || principal.account !== null || !isAccountId(subject.account)) return subject.principalArn;
  return subject.principalArn.replace(`:iam::${subject.account}:`, ":iam::<ACCOUNT_ID>:");
}

/** True when an assumed role's session asks to assume that same role (an account the message hid counts as the same). */
function assumesItself(subject: Subject, targetRole: string, roleAccount: string | null): boolean {
  const { principal } = subject;
  if (principal?.kind !== "assumed-role" || principal.name !== targetRole) return false;
  return roleAccount === null || principal.account === null || principal.account === roleAccount;
}

function selfAssumeNote(role: string): string {
  return (
    `The caller is already a session of role ${role} and asks to assume ${role} again: most often the tool's ` +
    "configuration names the role it already runs as (a cert-manager Issuer's role: for the role IRSA already gives " +
    "the pod, a profile's role_arn naming the instance's own role). Remove the role from that configuration first: the call then runs with the " +
    "session's own permissions. Only if the tool must assume it, add the statement below: AWS no longer lets a role " +
    "assume itself unless its trust policy names it."
  );
}

/**
 * Whether the caller's own policy must allow sts:AssumeRole too: across accounts always; in one account only when
 * the trust policy names the account rather than the caller, since a trust policy naming the caller's ARN suffices.
 */
function callerPolicyNote(
  principalArn: string,
  roleAccount: string | null,
  callerAccount: string | null,
  actions: string,
): string {
  if (roleAccount !== null && isAccountId(callerAccount) && roleAccount !== callerAccount)
    return `Across accounts both sides must allow it: the caller ${principalArn} also needs ${actions} on the role in its own policy.`;
  if (roleAccount !== null && roleAccount === callerAccount)
    return (
      `Caller and role share account ${roleAccount}: this statement, naming ${principalArn}, is enough on its own. ` +
      `Only a trust policy that names the account (its root) instead would need ${actions} in the caller's policy too.`
    );
  return (
    `If the role is in another account than the caller, or the trust policy names the account rather than ` +
    `${principalArn}, the caller's own policy needs ${actions} on the role too.`
  );
}
