import type { DenialRecord, Fix, FixDraft, Layer } from "../model";
import type { ActionCatalog } from "../iam/catalog";
import { subjectOf, type Subject } from "../iam/subject";
import { guardrailFix, isGuardrail } from "./guardrail";
import { identityFix } from "./identity";
import { keyPolicyFix } from "./kms";
import { resourcePolicyFix } from "./resource-policy";
import { trustPolicyFix } from "./trust";

/** When the message cannot tell, the fix is to find out: run the checks. */
function investigateFix(record: DenialRecord): FixDraft {
  const decode = record.encodedMessage
    ? `aws sts decode-authorization-message --encoded-message '${record.encodedMessage}' --query DecodedMessage --output text | jq .`
    : `aws cloudtrail lookup-events --lookup-attributes AttributeKey=EventName,AttributeValue=${record.operation ?? "<EVENT_NAME>"} --max-results 20`;
  return {
    layer: "unknown",
    title: record.encodedMessage ? "Decode the authorization message to see which policy denied the call" : "Find the deciding policy before changing anything",
    owner: "you",
    statement: null,
    target: "no change yet",
    cli: decode,
    terraform: "# Nothing to change until the checks name the layer.",
    sam: "# Nothing to change until the checks name the layer.",
    consoleUrl: null,
    requestText: null,
    notes: ["Run the checks of the other candidates: the first one that shows a missing Allow or a matching Deny is the layer to fix."],
  };
}

const PLACEHOLDER = /<([A-Za-z][A-Za-z0-9_]{0,40})>/g;

/** The <Placeholders> a fix's snippets still hold: values the message hid. */
function placeholdersIn(fix: FixDraft): string[] {
  // Terraform and SAM repeat the statement's and the command's values, so these two hold every hole.
  const text = `${fix.cli}\n${JSON.stringify(fix.statement)}`;
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]!))];
}

/** The least-privilege change for one candidate layer of one denial. */
export function fixFor(layer: Layer, record: DenialRecord, catalog: ActionCatalog, subject: Subject = subjectOf(record)): Fix {
  const draft = draftFor(layer, record, catalog, subject);
  return { ...draft, placeholders: placeholdersIn(draft) };
}

function draftFor(layer: Layer, record: DenialRecord, catalog: ActionCatalog, subject: Subject): FixDraft {
  if (layer === "execution-role") return identityFix(record, subject, catalog);
  if (layer === "resource-policy") return resourcePolicyFix(record, subject, catalog);
  if (layer === "kms-key-policy") return keyPolicyFix(record, subject);
  if (layer === "trust-policy") return trustPolicyFix(record, subject);
  if (isGuardrail(layer)) return guardrailFix(layer, record, subject, catalog);
  return investigateFix(record);
}
