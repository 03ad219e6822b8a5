import type { CompiledTemplate } from "./arn-template";
import { kebabCase } from "../kebab-case";
import { ownEntry } from "../own";

/**
 * The services that authorize tags given at creation as a call of their tagging action, with the condition key naming
 * the creating call (the IAM data lists it on that action): EC2's CreateTags, Elastic Load Balancing's AddTags.
 */
const TAG_ON_CREATE: Readonly<Record<string, { action: string; conditionKey: string }>> = {
  ec2: { action: "ec2:CreateTags", conditionKey: "ec2:CreateAction" },
  elasticloadbalancing: { action: "elasticloadbalancing:AddTags", conditionKey: "elasticloadbalancing:CreateAction" },
};

/** The tagging actions TAG_ON_CREATE names, with their condition keys, for checking against the IAM reference data. */
export function tagOnCreateActions(): { action: string; conditionKey: string }[] {
  return Object.values(TAG_ON_CREATE);
}

/** The resource type a Create call makes, as IAM names types: CreateVolume → volume, CreateSecurityGroup → security-group. */
function createdType(actionName: string): string | null {
  const noun = /^Create([A-Z][A-Za-z]*)$/.exec(actionName)?.[1];
  return noun ? kebabCase(noun) : null;
}

/**
 * The slot of `type`'s ARN that AWS fills when `actionName` creates the resource (`${VolumeId}` for CreateVolume), or
 * null: the caller cannot know that id before the call, so a statement names any (`*`), never a placeholder.
 */
export function generatedIdSlot(actionName: string, typeName: string, compiled: CompiledTemplate): string | null {
  const slot = compiled.lastResourceVariable;
  return slot?.endsWith("Id") && createdType(actionName) === typeName ? slot : null;
}

/** The note on the tagging action a Create call may also need, in the services that check one; else null. */
export function tagOnCreateNote(service: string, actionName: string): string | null {
  const tagging = ownEntry(TAG_ON_CREATE, service);
  if (!tagging || !createdType(actionName)) return null;
  return (
    `If the call tags what it creates (TagSpecifications or Tags, as most tools send), IAM also checks ${tagging.action} ` +
    `on the new resource, and the denial may be that one: grant ${tagging.action} with the condition ` +
    `"StringEquals": {"${tagging.conditionKey}": "${actionName}"}, so tags can be set only on creation.`
  );
}
