/** An IAM ARN that names a user, group or policy: no role, so nothing can be assumed, whatever any policy says. */
const NOT_A_ROLE = /^arn:[\w-]+:iam::[^:]*:(?:user|group|policy)\//;

/** True when an sts:AssumeRole call named something that is not a role: a configuration error, not a denial to fix. */
export function assumesNonRole(action: string | null, resource: string | null): boolean {
  return !!resource && !!action && /^sts:assumerole$/i.test(action) && NOT_A_ROLE.test(resource);
}
