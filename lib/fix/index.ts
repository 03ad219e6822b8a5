import { encodedMessageOf, type DenialRecord, type Fix, type FixDraft, type Layer } from "../model";
import type { ActionCatalog } from "../iam";
import {
  assumesNonRole,
  awsOwnedBucketOf,
  isFederatedAssume,
  nestedArnOf,
  rolePathNote,
  subjectOf,
  type Subject,
} from "../iam";
import { awsOwnedBucketFix } from "./aws-owned-bucket";
import { boundaryDelegationFix, createsBoundedIdentity } from "./boundary-delegation";
import { guardrailFix, isGuardrail } from "./guardrail";
import { identityFix } from "./identity";
import { identityDenyFix } from "./identity-deny";
import { keyPolicyFix } from "./kms";
import { lakeFormationGrantFix } from "./lake-formation";
import { lambdaNeeds } from "./lambda-extras";
import { managedPolicyFor } from "./managed-policy";
import { invokesLambda, lambdaPermissionFix } from "./lambda-permission";
import { addJsonPlaceholders, addPlaceholders } from "./placeholders";
import { targetingProvenPolicy } from "./proven-policy";
import { nestedArnFix } from "./nested-arn";
import { notAPolicyFix } from "./not-a-policy";
import { serviceLinkedRoleNote, unsetNameNote } from "./request-notes";
import { resourcePolicyFix } from "./resource-policy";
import { scopeFor, type Scope } from "./scope";
import { federatedTrustFix } from "./federated-trust";
import { trustPolicyFix } from "./trust";
import { unknownActionFix, unnamedActionFix } from "./unknown-action";
import { shellWord, singleQuoted } from "./shell";
import { unsignedRequestFix } from "./unsigned-request";

/** AssumeRole on a user's (or group's, or policy's) ARN: the call must name the role; no policy can allow this one. */
function wrongRoleArnFix(record: DenialRecord): FixDraft {
  return {
    layer: "unknown",
    title: "Pass the role's ARN: the call named something that is not a role",
    owner: "you",
    statement: null,
    additionalStatements: [],
    target: "the role ARN in the caller's configuration (role_arn, --role-arn, RoleArn)",
    cli:
      "aws iam list-roles --query 'Roles[].Arn' --output text   # find the role's ARN\n" +
      "aws sts assume-role --role-arn <ROLE_ARN> --role-session-name check   # then try it",
    terraform: '# In the provider\'s assume_role block: role_arn = "<ROLE_ARN>"',
    sam: "# Nothing to change in the template: the caller's configuration names the wrong ARN.",
    consoleUrl: null,
    requestText: null,
    notes: [
      `sts:AssumeRole was called on ${record.resource ?? "an ARN"}, which is not a role: no trust or identity policy ` +
        "can make that call succeed. Put the role's ARN in the profile, the SDK call or the provider, then retry.",
    ],
  };
}

/** When the message cannot tell, the fix is to find out: run the checks. */
function investigateFix(record: DenialRecord): FixDraft {
  const encodedMessage = encodedMessageOf(record);
  const decode = encodedMessage
    ? `aws sts decode-authorization-message --encoded-message ${singleQuoted(encodedMessage)} --query DecodedMessage --output text | jq .`
    : `aws cloudtrail lookup-events --lookup-attributes ` +
      `AttributeKey=EventName,AttributeValue=${shellWord(record.operation ?? "<EVENT_NAME>")} --max-results 20`;
  return {
    layer: "unknown",
    title: encodedMessage
      ? "Decode the authorization message to see which policy denied the call"
      : "Find the deciding policy before changing anything",
    owner: "you",
    statement: null,
    additionalStatements: [],
    target: "no change yet",
    cli: decode,
    terraform: "# Nothing to change until the checks name the layer.",
    sam: "# Nothing to change until the checks name the layer.",
    consoleUrl: null,
    requestText: null,
    notes: [
      "Run the checks of the other candidates: the first one that shows a missing Allow or a matching Deny is the layer to fix.",
    ],
  };
}

/** The <Placeholders> a fix's snippets still hold: values the message hid. */
function placeholdersIn(fix: FixDraft): string[] {
  // Terraform and SAM repeat the statement's and the command's values, so these two hold every hole.
  const found: string[] = [];
  addPlaceholders(fix.cli, found);
  addJsonPlaceholders(fix.statement, found);
  addJsonPlaceholders(fix.additionalStatements, found);
  return found;
}

/** The least-privilege change for one candidate layer of one denial. */
export function fixFor(
  layer: Layer,
  record: DenialRecord,
  catalog: ActionCatalog,
  subject: Subject = subjectOf(record),
): Fix {
  return fixBuilder(record, catalog, subject)(layer);
}

/**
 * Builds the fix for any candidate layer of one denial. The candidates share the statement's scope,
 * so it is worked out once per denial, on the first layer that needs it.
 */
export function fixBuilder(
  record: DenialRecord,
  catalog: ActionCatalog,
  subject: Subject = subjectOf(record),
): (layer: Layer) => Fix {
  const scope = new SharedScope(record, subject, catalog);
  const unsetName = unsetNameNote(subject);
  return (layer) => {
    const draft = targetingProvenPolicy(draftFor(layer, record, subject, scope), record);
    // The draft is ours alone: completing it in place saves copying every field.
    const fix = draft as Fix;
    for (const note of [unsetName, serviceLinkedRoleNote(layer, subject)]) if (note) fix.notes.push(note);
    fix.placeholders = placeholdersIn(draft);
    for (const name of fix.placeholders) {
      const note = subject.principal?.name ? rolePathNote(name, subject.principal.name) : null;
      if (note) fix.notes.push(note);
    }
    fix.managedPolicy = layer === "execution-role" ? managedPolicyFor(record, subject) : null;
    // A console link with a hole in it opens an error page: better none.
    if (fix.consoleUrl && /<|%3C/i.test(fix.consoleUrl)) fix.consoleUrl = null;
    return fix;
  };
}

/** The scope of one denial's statement, worked out on first use. */
class SharedScope {
  private scope: Scope | null = null;

  constructor(
    private readonly record: DenialRecord,
    private readonly subject: Subject,
    private readonly catalog: ActionCatalog,
  ) {}

  get(): Scope {
    this.scope ??= scopeFor(this.record, this.subject, this.catalog);
    return this.scope;
  }
}

function draftFor(layer: Layer, record: DenialRecord, subject: Subject, scope: SharedScope): FixDraft {
  if (layer === "kms-key-policy") return keyPolicyFix(record, subject);
  if (layer === "trust-policy")
    return isFederatedAssume(record.action) ? federatedTrustFix(record, subject) : trustPolicyFix(record, subject);
  const awsOwned = layer === "resource-policy" ? awsOwnedBucketOf(record) : null;
  if (awsOwned) return awsOwnedBucketFix(record, awsOwned);
  if (layer === "resource-policy" && invokesLambda(record)) return lambdaPermissionFix(record, subject);
  if (layer === "resource-policy" && record.kind === "lake-formation") return lakeFormationGrantFix(record, subject);
  if (layer === "propagation-delay" || layer === "account-setting") return notAPolicyFix(layer, record, subject);
  const scoped = layer === "execution-role" || layer === "resource-policy" || isGuardrail(layer);
  if (!scoped) {
    if (layer === "unknown" && subject.principal?.kind === "anonymous") return unsignedRequestFix(record);
    if (assumesNonRole(record.action, record.resource)) return wrongRoleArnFix(record);
    const nested = nestedArnOf(record.resource);
    return nested ? nestedArnFix(record, nested) : investigateFix(record);
  }
  const statementScope = scope.get();
  // Lambda's configuration errors name what Lambda needs, which lambdaNeeds lists by service, whatever the action.
  if (!statementScope.known && !(layer === "execution-role" && lambdaNeeds(record)))
    return record.action ? unknownActionFix(layer, record, statementScope) : unnamedActionFix(layer, record);
  if (layer === "execution-role")
    return record.statedReason === "explicit-deny"
      ? identityDenyFix(record, subject, statementScope)
      : identityFix(record, subject, statementScope);
  if (layer === "resource-policy") return resourcePolicyFix(record, subject, statementScope);
  if (layer === "permissions-boundary" && createsBoundedIdentity(record)) return boundaryDelegationFix(record, subject);
  return guardrailFix(layer, record, subject, statementScope);
}
