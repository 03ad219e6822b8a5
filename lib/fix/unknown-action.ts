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

/**
 * The fix for a denial that names no action at all ("Access Denied" and a status code): nothing can be granted until
 * the call is known, so it says how to find the call and who made it.
 */
export function unnamedActionFix(layer: Layer, record: DenialRecord): FixDraft {
  const service = record.service && SERVICE_PREFIX.test(record.service) ? record.service : "<SERVICE>";
  const notes = [
    "The message names no action, so no statement can be written yet: the denied call is the SDK or CLI method " +
      "your code ran; the CLI's --debug and the SDKs' request logs print its operation name.",
  ];
  if (service === "s3")
    notes.push(
      "For S3, getObject and HeadObject need s3:GetObject, putObject s3:PutObject, a listing s3:ListBucket. Object " +
        "calls are data events: lookup-events does not list them; a trail that logs S3 data events, or the bucket's " +
        "server access log, does.",
    );
  return {
    layer,
    title: "Find which call was denied: the message names no action",
    owner: "you",
    statement: null,
    additionalStatements: [],
    target: "no change yet",
    cli:
      "aws sts get-caller-identity   # who made the call\n" +
      `aws cloudtrail lookup-events --lookup-attributes AttributeKey=EventSource,AttributeValue=${service}.amazonaws.com ` +
      `--max-results 50 --query "Events[?contains(CloudTrailEvent, 'AccessDenied')].CloudTrailEvent"`,
    terraform: NO_CALL,
    sam: NO_CALL,
    consoleUrl: null,
    requestText: null,
    notes,
  };
}

const NO_CALL = "# No policy change yet: find the denied call first.";

/** A service prefix as IAM spells them; anything else (it lands inside the command's quotes) becomes a placeholder. */
const SERVICE_PREFIX = /^[a-z0-9-]{1,64}$/;

function serviceOf(action: string): string {
  const colon = action.indexOf(":");
  const service = colon === -1 ? action : action.slice(0, colon);
  return SERVICE_PREFIX.test(service) ? service : "<SERVICE>";
}
