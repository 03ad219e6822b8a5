import type { DenialRecord, FixDraft } from "../model";

/**
 * An anonymous caller sent no credentials: the fix is in the client, which must sign its requests (a missing
 * profile, an SDK left unsigned, a plugin that drops the Authorization header). No policy edit is offered: opening
 * the resource to everyone is never the least-privilege answer.
 */
export function unsignedRequestFix(record: DenialRecord): FixDraft {
  const call = record.operation ?? record.action ?? "the call";
  return {
    layer: "unknown",
    title: `Make the client sign ${call}: it sent no AWS credentials`,
    owner: "you",
    statement: null,
    additionalStatements: [],
    target: "the client's credentials (profile, environment, instance role)",
    cli: "aws sts get-caller-identity   # run where the client runs: it must name a role or user",
    terraform: "# Nothing to change in policies: the client must send credentials.",
    sam: "# Nothing to change in policies: the client must send credentials.",
    consoleUrl: null,
    requestText: null,
    notes: [
      "AWS logged the caller as anonymous: the request was not signed, so no role or user policy was evaluated. " +
        "Give the client credentials (or fix the tool that sends it unsigned) and retry; a bucket or resource policy " +
        'with "Principal": "*" would let it in only by opening the resource to everyone.',
    ],
  };
}
