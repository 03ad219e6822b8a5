import { TERRAFORM_RESOURCES, type Verb } from "./terraform-resources";

/**
 * The Terraform AWS provider names the resource it was working on, not the API call: "creating Lambda Function
 * (orders-api): AccessDeniedException", "reading EC2 Instance Type (t2.micro): UnauthorizedOperation". Its wording
 * (lib/parse/terraform-resources.ts) says which call each verb makes; the id in parentheses is the resource's name or ARN.
 */

const VERBS: [words: string, verb: Verb][] = [
  ["creating ", "create"],
  ["launching ", "create"],
  ["reading ", "read"],
  ["updating ", "update"],
  ["deleting ", "delete"],
  ["listing tags for ", "listTags"],
];

/**
 * What may follow the resource's name: its id in parentheses, or after a space in the older wording ("IAM Role my-role:"),
 * then " policy" when the resource's own policy was read, then the colon before the error. Anything else
 * ("S3 Bucket (x) ACL:") is a more specific call than the name's.
 */
const AFTER_NAME = /^(?:[ \t]*\(([^)\s]{1,1024})\)|[ \t]+([^\s:()]{1,256}))?([ \t]+policy)?[ \t]*(?::|$)/;

/** What a Terraform error line says the provider was doing: the service, the API call and the resource's id. */
export interface TerraformSubject {
  service: string;
  operation: string;
  resource: string | null;
}

/** Reads the call a Terraform AWS provider error describes ("Error: reading IAM Role (deploy): …"), if it does. */
export function readTerraformSubject(line: string): TerraformSubject | null {
  for (const [words, verb] of VERBS) {
    const at = line.indexOf(words);
    if (at === -1) continue;
    const subject = subjectAfter(line, at + words.length, verb);
    if (subject) return subject;
  }
  return null;
}

/** The names lower-cased once: every "creating …" or "reading …" of a pasted line is held against all of them. */
const RESOURCES_BY_LOWER_NAME = TERRAFORM_RESOURCES.map((resource) => [resource[0].toLowerCase(), resource] as const);
const LONGEST_NAME = Math.max(...TERRAFORM_RESOURCES.map(([name]) => name.length));

function subjectAfter(line: string, from: number, verb: Verb): TerraformSubject | null {
  const words = line.slice(from, from + LONGEST_NAME).toLowerCase();
  for (const [lowerName, [name, service, calls]] of RESOURCES_BY_LOWER_NAME) {
    if (!words.startsWith(lowerName)) continue;
    const after = AFTER_NAME.exec(line.slice(from + name.length));
    if (!after) return null;
    const operation = after[3] ? (verb === "read" ? calls.readPolicy : undefined) : calls[verb];
    if (!operation) return null;
    const id = after[1] ?? after[2] ?? null;
    const namesResource = id !== null && isWholeId(id) && !IDS_NAMING_NO_RESOURCE.has(name);
    return { service, operation, resource: namesResource ? id : null };
  }
  return null;
}

/**
 * Terraform 0.11 and older put the resource's address before the provider's bare error: "* aws_efs_mount_target.shared:
 * AccessDeniedException: …". An error that names no step of its own is the apply's creating of the resource (reading
 * and deleting it write "Error reading …" / "Error deleting …" there instead).
 */
const RESOURCE_ADDRESS =
  /^[ \t]{0,8}\* aws_([a-z0-9_]{1,80})\.[\w-]{1,255}: (?:[A-Z][\w.]{1,80}(?:Exception|Denied|Operation|Forbidden)):/;

/** The create call of the resource a Terraform 0.11 address names, when the error after it is the provider's bare code. */
export function readTerraformAddress(line: string): TerraformSubject | null {
  if (!line.includes("* aws_")) return null;
  const type = RESOURCE_ADDRESS.exec(line)?.[1];
  if (!type) return null;
  for (const [name, service, calls] of TERRAFORM_RESOURCES) {
    if (calls.create && name.toLowerCase().replaceAll(" ", "_") === type) {
      return { service, operation: calls.create, resource: null };
    }
  }
  return null;
}

/**
 * Ids that are a value the call looked up, not a resource it acted on; the old "API Gateway" wording had no id, so a
 * word after it is another API Gateway resource's name.
 */
const IDS_NAMING_NO_RESOURCE = new Set(["EC2 Instance Type", "API Gateway"]);

/** Composite ids ("role:policy", "bucket,owner") name no one resource, so they are not taken as its name. */
function isWholeId(id: string): boolean {
  return id.startsWith("arn:") || !/[:,]/.test(id);
}
