/** AWS's denial messages, word for word (reference section A). */

type PolicyWithoutAllow =
  "identity-based policy" | "resource-based policy" | "role trust policy" | "service control policy";
type PolicyWithDeny = "a service control policy" | "an identity-based policy" | "a resource-based policy";

/** "because no identity-based policy allows the kms:Decrypt action" */
export function noPolicyAllows(policy: PolicyWithoutAllow, action: string): string {
  return `because no ${policy} allows the ${action} action`;
}

/** "with an explicit deny in a service control policy" */
export function explicitDenyIn(policy: PolicyWithDeny): string {
  return `with an explicit deny in ${policy}`;
}

/**
 * "User: <principal> is not authorized to perform: <action> on resource: <resource> <reason>".
 * Without a reason it is the older form AWS still returns for some calls, such as sts:AssumeRole.
 */
export function notAuthorized(principal: string, action: string, resource: string, reason?: string): string {
  const sentence = `User: ${principal} is not authorized to perform: ${action} on resource: ${resource}`;
  return reason ? `${sentence} ${reason}` : sentence;
}

/** EC2 wraps the same sentence and appends an opaque encoded message for `sts decode-authorization-message`. */
export function ec2NotAuthorized(
  principal: string,
  action: string,
  resource: string,
  reason: string,
  encoded: string,
): string {
  const statement = notAuthorized(principal, action, resource, reason);
  return `You are not authorized to perform this operation. ${statement}. Encoded authorization failure message: ${encoded}`;
}

/** Lambda's configuration-time error when the execution role cannot create network interfaces. */
export const LAMBDA_CANNOT_CREATE_ENI =
  "The provided execution role does not have permissions to call CreateNetworkInterface on EC2";
