import type { DenialRecord, FixDraft } from "../model";
import { parseArn } from "../iam";

/** The name a nested ARN stands for: the text after its type (`deliverystream/events` → `events`). */
function nameOf(nested: string): string {
  const resource = parseArn(nested)?.resource ?? nested;
  return resource.slice(Math.max(resource.indexOf("/"), resource.indexOf(":")) + 1) || resource;
}

/** The request passed an ARN where the API wanted a name: the fix is in the caller's configuration, not a policy. */
export function nestedArnFix(record: DenialRecord, nested: string): FixDraft {
  const name = nameOf(nested);
  return {
    layer: "unknown",
    title: `Pass the name ${name}, not the ARN: the request named an ARN where a name belongs`,
    owner: "you",
    statement: null,
    additionalStatements: [],
    target: "the parameter of the call that takes the resource's name (DeliveryStreamName, QueueName, TableName…)",
    cli: `# In the call or its configuration, replace\n#   ${nested}\n# with\n#   ${name}`,
    terraform: `# Pass the resource's name (${name}) where the module or resource asks for a name, and its ARN only where it asks for an ARN.`,
    sam: `# Pass !Ref or the name (${name}) where the property asks for a name, !GetAtt ….Arn only where it asks for an ARN.`,
    consoleUrl: null,
    requestText: null,
    notes: [
      `AWS checked ${record.resource ?? "the resource"}: the ARN of a resource named after another ARN, which cannot ` +
        "exist. A policy allowing it would grant nothing useful: once the call passes the name, the policy that " +
        `allows ${nested} is the one that counts.`,
    ],
  };
}
