import type { ResourceTypeInfo } from "../iam";
import { ownEntry } from "../own";
import { compile, fillAny, type RequestedValues } from "./arn-template";

/**
 * Resource types the IAM reference marks optional that a call touches all but always: RunInstances of an EBS-backed
 * AMI (nearly every AMI) creates the root volume, and IAM checks it. A statement leaving it out is denied again.
 */
const ALWAYS_TOUCHED: Readonly<Record<string, readonly string[]>> = { "ec2:RunInstances": ["volume"] };

/** Whether a statement for `action` must name resources of `type`: required by the IAM reference, or always touched. */
function isNeeded(action: string, type: ResourceTypeInfo): boolean {
  return type.required || (ownEntry(ALWAYS_TOUCHED, action)?.includes(type.name) ?? false);
}

/**
 * Appends the ARNs of the required resource types other than `covered`: IAM checks each one the request touches
 * (ec2:CreateNetworkInterface: the interface and the subnet), and a statement missing one is denied again.
 */
export function addOtherRequiredResources(
  action: string,
  resources: string[],
  types: ResourceTypeInfo[],
  covered: ResourceTypeInfo | null,
  values: Map<string, string>,
  requested: RequestedValues,
): void {
  for (const type of types)
    if (isNeeded(action, type) && type !== covered) resources.push(fillAny(compile(type.arnFormat), values, requested));
}

/** The types a note names beside the covered one: the required ones joined, and the optional ones as a phrase. */
interface ExtraTypes {
  added: string | null;
  optional: string | null;
}

// Keyed on the IAM reference data (an action's resource types, the one covered): bounded by that data.
const extraTypesByTypes = new WeakMap<ResourceTypeInfo[], Map<ResourceTypeInfo | null, ExtraTypes>>();

function extraTypesOf(action: string, types: ResourceTypeInfo[], covered: ResourceTypeInfo | null): ExtraTypes {
  let byCovered = extraTypesByTypes.get(types);
  if (!byCovered) {
    byCovered = new Map();
    extraTypesByTypes.set(types, byCovered);
  }
  let extra = byCovered.get(covered);
  if (!extra) {
    const added: string[] = [];
    const optional: string[] = [];
    for (const type of types) if (type !== covered) (isNeeded(action, type) ? added : optional).push(type.name);
    extra = {
      added: added.length > 0 ? added.join(", ") : null,
      optional: optional.length > 0 && optional.length <= 4 ? `a resource of type ${optional.join(" or ")}` : null,
    };
    byCovered.set(covered, extra);
  }
  return extra;
}

/** Notes on the resource types a statement names beyond the message's own, and the optional ones it leaves out. */
export function extraTypesNote(
  action: string,
  types: ResourceTypeInfo[],
  covered: ResourceTypeInfo | null,
): string | null {
  const { added, optional } = extraTypesOf(action, types, covered);
  const addedNote =
    added === null
      ? null
      : `${action} also requires ${added}: the statement names any of them ("*"); narrow each to the ids your call uses.`;
  const optionalNote = optional === null ? null : `If the request names ${optional}, IAM checks it too: add its ARN.`;
  return addedNote !== null && optionalNote !== null ? `${addedNote} ${optionalNote}` : (addedNote ?? optionalNote);
}

/** The note for an action whose resource types are alternatives: the statement names only what this request needs. */
export function oneOfNote(action: string, named: string, alsoNeeded: readonly string[]): string {
  return alsoNeeded.length === 0
    ? `${action} acts on one ${named} per request: the statement names the one in the message, and no other resource type.`
    : `${action} through an ${named} is also checked on the ${alsoNeeded.join(", ")} it routes to, in each Region it ` +
        "sends requests to: the statement names them in every Region.";
}

/** The note for a tagging action: IAM checks it on the resource it tags, whatever other types the reference lists. */
export function taggingNote(action: string, tagged: ResourceTypeInfo | null): string {
  return (
    `${action} is authorized against the one resource it tags, so the statement names that ${tagged?.name ?? "resource"} ` +
    "alone: adding the action's other resource types would let the caller tag those too."
  );
}

/** Notes joined into one, skipping those absent. */
export function joinNotes(...notes: (string | null)[]): string | null {
  const present = notes.filter((note): note is string => note !== null);
  return present.length > 0 ? present.join(" ") : null;
}
