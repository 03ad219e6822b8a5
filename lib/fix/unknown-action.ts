import type { DenialRecord, FixDraft, Layer } from "../model";
import type { Scope } from "./scope";

const NO_CHANGE = "# No policy change yet: the message's action is not an IAM action.";

/**
 * The fix for a denial whose action the IAM reference data does not list (`s3:GetWidget` in a documentation
 * example, a typo, a misspelt prefix): a statement granting it would look right and grant nothing, so none is
 * emitted; the fix says which action to look up instead.
 */
export function unknownActionFix(layer: Layer, record: DenialRecord, scope: Scope): FixDraft {
  const operation = record.operation ? ` the ${record.operation} operation` : " the call";
  return {
    layer,
    title: `Find the IAM action${operation} needs: ${scope.action} is not one`,
    owner: "you",
    statement: null,
    additionalStatements: [],
    target: "no change yet",
    cli: `aws iam list-policies --scope AWS --query "Policies[?contains(PolicyName, '${serviceOf(scope.action)}')].Arn"`,
    terraform: NO_CHANGE,
    sam: NO_CHANGE,
    consoleUrl: null,
    requestText: null,
    notes: scope.note ? [scope.note] : [],
  };
}

/** A service prefix as IAM spells them; anything else (it lands inside the command's quotes) becomes a placeholder. */
const SERVICE_PREFIX = /^[a-z0-9-]{1,64}$/;

function serviceOf(action: string): string {
  const colon = action.indexOf(":");
  const service = colon === -1 ? action : action.slice(0, colon);
  return SERVICE_PREFIX.test(service) ? service : "<SERVICE>";
}
