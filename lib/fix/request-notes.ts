import type { Subject } from "../iam";
import type { Layer } from "../model";

/** What code writes into a name when the variable that should hold it was never set. */
const UNSET_VALUES = new Set(["undefined", "null", "None", "nil", "NaN", "[object Object]"]);

/**
 * A note for every candidate when the request named its resource with an unset variable (`stream/undefined`): no
 * policy makes that request right, and one for that name would let the wrong request through.
 */
export function unsetNameNote(subject: Subject): string | null {
  const name = subject.resourceName;
  return UNSET_VALUES.has(name)
    ? `The request named the resource "${name}": the variable that should hold its name was never set in the code or ` +
        `configuration that made the call. Set it there; a policy for "${name}" would not make the real resource work.`
    : null;
}

/** Service-linked roles are created and kept by their service, under this path and name prefix. */
const SERVICE_LINKED_PREFIX = "AWSServiceRoleFor";

/** A note for the caller-policy fix when the caller is a service-linked role, whose policy no one can edit. */
export function serviceLinkedRoleNote(layer: Layer, subject: Subject): string | null {
  if (layer !== "execution-role" || !subject.principal?.name?.startsWith(SERVICE_LINKED_PREFIX)) return null;
  return (
    `${subject.principal.name} is a service-linked role: its permissions are the service's managed policy, which ` +
    "IAM does not let you edit, so no statement can be added to it. Look for a Deny in an SCP or in the resource's " +
    "policy, or for a setting of the service; only AWS can add an action the managed policy lacks."
  );
}
