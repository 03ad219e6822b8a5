import { fail, ok, type Result } from "../result";

/** The role whose denials a lookup looks for, read from what the user typed. */
export interface RoleTarget {
  partition: string;
  account: string;
  /** Role name without its path: what assumed-role session ARNs carry. */
  roleName: string;
  /** The IAM role ARN, with its path when the user gave one. */
  roleArn: string;
  /** A session name given through an assumed-role ARN: for a Lambda function's own calls, its name. */
  sessionName: string | null;
}

const ROLE_ARN =
  /^arn:(aws|aws-cn|aws-us-gov|aws-iso[a-z-]*|aws-eusc):iam::(\d{12}):role\/((?:[\w+=,.@-]{1,512}\/)*)([\w+=,.@-]{1,64})$/;
const ASSUMED_ROLE_ARN =
  /^arn:(aws|aws-cn|aws-us-gov|aws-iso[a-z-]*|aws-eusc):sts::(\d{12}):assumed-role\/([\w+=,.@-]{1,64})\/([\w+=,.@-]{1,64})$/;
const MAX_ARN_LENGTH = 2048;

/**
 * Reads a role ARN (`arn:aws:iam::123456789012:role/path/name`) or an assumed-role session ARN
 * (`arn:aws:sts::123456789012:assumed-role/name/session`), refusing anything else with a message
 * that says what was expected. Runs before any AWS call.
 */
export function parseRoleTarget(input: string): Result<RoleTarget, "lookup.bad-arn"> {
  const text = input.trim().replace(/^["']|["']$/g, "");
  if (!text)
    return fail(
      "lookup.bad-arn",
      "Enter the ARN of the role, for example arn:aws:iam::123456789012:role/my-function-role.",
    );
  if (text.length > MAX_ARN_LENGTH) return fail("lookup.bad-arn", "That is too long to be a role ARN.");
  const role = ROLE_ARN.exec(text);
  if (role) {
    const [, partition = "aws", account = "", path = "", roleName = ""] = role;
    return ok({
      partition,
      account,
      roleName,
      roleArn: `arn:${partition}:iam::${account}:role/${path}${roleName}`,
      sessionName: null,
    });
  }
  const session = ASSUMED_ROLE_ARN.exec(text);
  if (session) {
    const [, partition = "aws", account = "", roleName = "", sessionName = ""] = session;
    return ok({
      partition,
      account,
      roleName,
      roleArn: `arn:${partition}:iam::${account}:role/${roleName}`,
      sessionName,
    });
  }
  return fail("lookup.bad-arn", explainBadArn(text));
}

function explainBadArn(text: string): string {
  if (/^arn:[^:]*:iam::[^:]*:user\//.test(text))
    return "That is an IAM user ARN; whydenied looks up roles. Enter a role ARN (arn:aws:iam::<account>:role/<name>).";
  if (/^arn:[^:]*:lambda:/.test(text))
    return "That is a Lambda function ARN. Enter its execution role's ARN (shown under Configuration → Permissions), and the function name in its own field.";
  if (/^arn:[^:]*:iam::(?!\d{12}:)/.test(text))
    return "The account id in that ARN is not 12 digits. Use the full role ARN with its account id.";
  if (!text.startsWith("arn:"))
    return `"${truncate(text)}" is not an ARN. Enter the role ARN, for example arn:aws:iam::123456789012:role/my-function-role.`;
  return `"${truncate(text)}" is not a role ARN. Expected arn:aws:iam::<12-digit account>:role/<name> or an assumed-role ARN.`;
}

function truncate(text: string): string {
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}
